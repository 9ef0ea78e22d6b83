package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.AutotuneException;
import io.autotune.model.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Early stops, skipped levels and the goodput search, against a server whose latency grows. */
class LoadGeneratorSloTest {

  private final LoadGenerator generator = LoadGenerator.create();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  private BenchmarkRun run(List<Slo> slos) {
    return new BenchmarkRun(slos, 1, Duration.ofSeconds(120), () -> false, log::add);
  }

  private static BenchmarkSpec.Builder spec() {
    return BenchmarkSpec.builder()
        .trafficScenarios(List.of("D(10,2)"))
        .warmupRequests(0)
        .requestTimeout(Duration.ofSeconds(30))
        .prompt(new PromptOptions(PromptOptions.Format.TOKEN_IDS, 1000, 30000, 0));
  }

  @Test
  void aRunawayLevelStopsAtTheEvidenceNotAtItsTimeLimit() throws Exception {
    // every request waits 2 s for its first token; the hard SLO allows 0.2 s
    try (ScriptedServer server =
        ScriptedServer.start(ScriptedServer.Mode.NORMAL, new long[] {2000}, 1)) {
      BenchmarkSpec spec =
          spec().concurrency(List.of(8)).levelBounds(Duration.ofSeconds(60), 1000).build();
      long start = System.nanoTime();
      List<Slo> slos = List.of(Slo.hard("ttft_p90", 0.2, 0));
      List<LevelResult> levels = generator.run(server.base(), "scripted", spec, run(slos));
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(seconds).as("stopped once 8 requests had waited past 0.2 s").isLessThan(3);
      assertThat(levels).hasSize(1);
      assertThat(levels.get(0).stoppedEarly())
          .hasValueSatisfying(
              why ->
                  assertThat(why)
                      .containsPattern("\\d of 8 requests so far")
                      .contains("ttft over 0.2 s, so ttft_p90"));
      assertThatThrownBy(() -> InferenceMetrics.aggregate(levels, 1, slos))
          .isInstanceOf(AutotuneException.class)
          .hasMessageContaining("stopped early")
          .hasMessageContaining("ttft over 0.2 s");
    }
  }

  @Test
  void heavierLevelsAreSkippedOnceOneBreaksAHardSlo() throws Exception {
    // TTFT is 60 ms per request in flight: concurrency 1 meets 0.1 s, 4 does not
    try (ScriptedServer server = ScriptedServer.loaded(60)) {
      BenchmarkSpec spec =
          spec().concurrency(List.of(16, 1, 4, 8)).levelBounds(Duration.ofSeconds(30), 8).build();

      List<LevelResult> levels =
          generator.run(server.base(), "scripted", spec, run(List.of(Slo.hard("ttft", 0.1, 0))));

      assertThat(levels)
          .extracting(LevelResult::load)
          .containsExactly(Load.concurrency(1), Load.concurrency(4));
      assertThat(log)
          .anyMatch(
              line ->
                  line.startsWith(
                      "D(10,2): skipping concurrency 8, concurrency 16 because concurrency 4 failed"));
    }
  }

  @Test
  void goodputIsTheHighestConcurrencyThatMeetsEverySlo() throws Exception {
    // TTFT is 200 ms per request in flight: concurrency 5 gives 1.0 s, 6 gives 1.2 s
    try (ScriptedServer server = ScriptedServer.loaded(200)) {
      BenchmarkSpec spec =
          spec()
              .goodput(GoodputOptions.overConcurrency())
              .levelBounds(Duration.ofSeconds(30), 12)
              .build();

      List<GoodputResult> results =
          generator.searchGoodput(
              server.base(), "scripted", spec, run(List.of(Slo.soft("ttft_p90", 1.1))));

      GoodputResult result = results.get(0);
      assertThat(result.runs())
          .as("%s", log)
          .extracting(level -> (int) level.load().value())
          .as("1, 2, 4 meet; 8 misses; bisect 6 (miss), 5 (meet)")
          .containsExactly(1, 2, 4, 8, 6, 5);
      assertThat(result.best().orElseThrow().load()).as("%s", log).isEqualTo(Load.concurrency(5));
      Map<String, Double> metrics = InferenceMetrics.goodput(results, 2);
      assertThat(metrics.get(InferenceMetrics.GOODPUT_LOAD)).isEqualTo(5.0);
      assertThat(metrics.get(InferenceMetrics.GOODPUT))
          .isEqualTo(result.best().orElseThrow().requestThroughput());
      assertThat(metrics.get(InferenceMetrics.GOODPUT_THROUGHPUT_PER_GPU))
          .isEqualTo(result.best().orElseThrow().totalThroughput() / 2);
      assertThat(log)
          .anyMatch(
              line -> line.startsWith("D(10,2): goodput") && line.contains("at concurrency 5"));
    }
  }
}
