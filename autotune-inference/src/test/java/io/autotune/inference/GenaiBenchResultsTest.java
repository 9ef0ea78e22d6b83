package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against a recorded experiment folder written after genai-bench's documented format: one file per
 * scenario and concurrency with {@code aggregated_metrics}, plus experiment_metadata.json.
 */
class GenaiBenchResultsTest {

  private static Path folder() throws URISyntaxException {
    return Path.of(GenaiBenchResultsTest.class.getResource("/genai-bench/qwen-exp3").toURI());
  }

  @Test
  void eachRunFileBecomesALevelAndMetadataIsSkipped() throws Exception {
    List<LevelResult> levels = GenaiBenchResults.read(folder());

    assertThat(levels)
        .extracting(LevelResult::load)
        .containsExactly(Load.concurrency(1), Load.concurrency(8));
    LevelResult eight = levels.get(1);
    assertThat(eight.scenario()).isEqualTo("D(100,100)");
    assertThat(eight.requests()).isEqualTo(50);
    assertThat(eight.errors()).isEqualTo(2);
    assertThat(eight.ttft().p90()).isCloseTo(0.231, within(1e-12));
    assertThat(eight.tpot().mean()).isCloseTo(0.0121, within(1e-12));
    assertThat(eight.latency().p99()).isCloseTo(1.62, within(1e-12));
    assertThat(eight.totalThroughput()).isCloseTo(1523.4, within(1e-9));
  }

  @Test
  void millisecondFilesAreConvertedToSeconds() throws Exception {
    LevelResult one = GenaiBenchResults.read(folder()).get(0);

    assertThat(one.ttft().mean()).isCloseTo(0.0452, within(1e-12));
    assertThat(one.latency().mean()).isCloseTo(1.21, within(1e-12));
  }

  @Test
  void importedLevelsAggregateIntoTheRunnersMetricNames() throws Exception {
    Map<String, Double> metrics =
        InferenceMetrics.aggregate(GenaiBenchResults.read(folder()), 2, List.of());

    assertThat(metrics.get("total_throughput")).isCloseTo((201.7 + 1523.4) / 2, within(1e-9));
    assertThat(metrics.get("throughput")).isCloseTo((201.7 + 1523.4) / 4, within(1e-9));
    assertThat(metrics.get("requests")).isEqualTo(70);
  }
}
