package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autotune.inference.BenchmarkSpec;
import io.autotune.model.Slo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waves of identical requests, worked out by hand from the model's own figures. */
class PredictedBenchmarkTest {

  private static final double SCALE = 5;

  private static PredictedBenchmark benchmark(
      List<Integer> concurrency, int requests, Duration maxTime, List<Slo> slos) {
    return new PredictedBenchmark(
        BenchmarkSpec.builder()
            .api(BenchmarkSpec.Api.COMPLETIONS)
            .trafficScenarios(List.of("D(32,512)"))
            .concurrency(concurrency)
            .warmupRequests(4)
            .levelBounds(maxTime, requests)
            .requestTimeout(Duration.ofSeconds(60))
            .build(),
        SCALE,
        slos);
  }

  @Test
  void requestsThatFitTheBatchRunAsOneWave() {
    ServingModel model = new ServingModel(2, 0.9, "lpm", 8192, 256, 128);
    double rate = model.perGpuThroughput() * 2;
    double prefill = 32 / model.prefillTokensPerSecond(); // one prompt's
    double decoding = 511 * 32 / rate;
    double seconds = (model.ttftSeconds() + prefill + decoding) / SCALE;

    Map<String, Double> metrics =
        benchmark(List.of(32), 32, Duration.ofSeconds(60), List.of()).metrics(model).orElseThrow();

    assertThat(metrics.get("output_throughput")).isCloseTo(32 * 512 / seconds, within(1e-6));
    assertThat(metrics.get("throughput")).isCloseTo(32 * 544 / seconds / 2, within(1e-6));
    // the k-th prompt of the wave waits for k prefills: 16.5 on average
    assertThat(metrics.get("ttft"))
        .isCloseTo((model.ttftSeconds() + 16.5 * prefill) / SCALE, within(1e-12));
    assertThat(metrics.get("latency")).isCloseTo(seconds, within(1e-12));
    assertThat(metrics.get("tpot"))
        .isCloseTo((decoding - 15.5 * prefill) / 511 / SCALE, within(1e-12));
    assertThat(metrics.get("requests")).isEqualTo(32.0);
  }

  @Test
  void requestsBeyondTheBatchWaitForTheWaveBeforeThem() {
    ServingModel model = new ServingModel(1, 0.9, "fcfs", 4096, 16, 16); // 16 run at once
    double prefill = 32 / model.prefillTokensPerSecond();
    double wave = model.ttftSeconds() + prefill + 511 * 16 / model.perGpuThroughput();

    Map<String, Double> metrics =
        benchmark(List.of(32), 32, Duration.ofSeconds(60), List.of()).metrics(model).orElseThrow();

    double firstToken = model.ttftSeconds() + 8.5 * prefill; // the mean of a wave's
    assertThat(metrics.get("ttft"))
        .isCloseTo((firstToken + wave + firstToken) / 2 / SCALE, within(1e-9));
    assertThat(metrics.get("output_throughput"))
        .isCloseTo(32 * 512 / (2 * wave / SCALE), within(1e-6));
  }

  @Test
  void clientsStopSendingAtTheLevelsTimeLimitAndLetTheirRequestsFinish() {
    ServingModel model = new ServingModel(1, 0.9, "fcfs", 4096, 256, 16);
    double prefill = 32 / model.prefillTokensPerSecond();
    double round = (model.ttftSeconds() + prefill + 511 * 4 / model.perGpuThroughput()) / SCALE;
    Duration limit = Duration.ofNanos((long) (2.5 * round * 1e9)); // rounds start at 0, 1, 2

    Map<String, Double> metrics =
        benchmark(List.of(4), 1000, limit, List.of()).metrics(model).orElseThrow();

    assertThat(metrics.get("requests")).isEqualTo(12.0);
  }

  @Test
  void aLevelThatBreaksAHardSloIsLeftOutOfTheAggregate() {
    ServingModel model = new ServingModel(1, 0.9, "fcfs", 4096, 16, 16);
    Slo ttft = Slo.hard("ttft", 0.5, 0);
    Map<String, Double> metrics =
        benchmark(List.of(16, 64), 64, Duration.ofSeconds(600), List.of(ttft))
            .metrics(model)
            .orElseThrow();

    assertThat(metrics.get("levels")).isEqualTo(2.0);
    assertThat(metrics.get("levels_kept")).isEqualTo(1.0); // 64 clients queue for 16 slots
  }

  @Test
  void longPromptsWaitForThePrefillsAheadOfThemInTheLane() {
    ServingModel model = new ServingModel(1, 0.9, "fcfs", 4096, 256, 16);
    double prefill = 8192 / model.prefillTokensPerSecond(); // over half a second each
    PredictedBenchmark benchmark =
        new PredictedBenchmark(
            BenchmarkSpec.builder()
                .trafficScenarios(List.of("D(8192,2)"))
                .concurrency(List.of(4))
                .levelBounds(Duration.ofSeconds(60), 4)
                .build(),
            SCALE,
            List.of());

    Map<String, Double> metrics = benchmark.metrics(model).orElseThrow();

    // one wave of four: the last prompt's first token comes after four prefills, and its second
    // token 1 / rate later; decoding the other three's tokens overlaps the prefills
    double end = model.ttftSeconds() + 4 * prefill + 1 / model.perGpuThroughput();
    assertThat(metrics.get("latency")).isCloseTo(end / SCALE, within(1e-12));
    assertThat(metrics.get("ttft"))
        .isCloseTo((model.ttftSeconds() + 2.5 * prefill) / SCALE, within(1e-12));
  }

  @Test
  void aServerThatDoesNotStartHasNoMetrics() {
    PredictedBenchmark benchmark = benchmark(List.of(32), 32, Duration.ofSeconds(60), List.of());

    assertThat(benchmark.metrics(new ServingModel(1, 0.94, "lpm", 8192, 256, 512))).isEmpty();
    assertThat(benchmark.metrics(new ServingModel(1, 0.85, "lpm", 32768, 256, 64))).isEmpty();
  }
}
