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
    double seconds = (model.ttftSeconds() + 511 * 32 / rate) / SCALE;

    Map<String, Double> metrics =
        benchmark(List.of(32), 32, Duration.ofSeconds(60), List.of()).metrics(model).orElseThrow();

    assertThat(metrics.get("output_throughput")).isCloseTo(32 * 512 / seconds, within(1e-6));
    assertThat(metrics.get("throughput")).isCloseTo(32 * 544 / seconds / 2, within(1e-6));
    assertThat(metrics.get("ttft")).isCloseTo(model.ttftSeconds() / SCALE, within(1e-12));
    assertThat(metrics.get("latency")).isCloseTo(seconds, within(1e-12));
    assertThat(metrics.get("tpot")).isCloseTo(32 / rate / SCALE, within(1e-12));
    assertThat(metrics.get("requests")).isEqualTo(32.0);
  }

  @Test
  void requestsBeyondTheBatchWaitForTheWaveBeforeThem() {
    ServingModel model = new ServingModel(1, 0.9, "fcfs", 4096, 16, 16); // 16 run at once
    double wave = model.ttftSeconds() + 511 * 16 / model.perGpuThroughput();

    Map<String, Double> metrics =
        benchmark(List.of(32), 32, Duration.ofSeconds(60), List.of()).metrics(model).orElseThrow();

    double firstToken = model.ttftSeconds();
    assertThat(metrics.get("ttft"))
        .isCloseTo((firstToken + wave + firstToken) / 2 / SCALE, within(1e-9));
    assertThat(metrics.get("output_throughput"))
        .isCloseTo(32 * 512 / (2 * wave / SCALE), within(1e-6));
  }

  @Test
  void clientsStopSendingAtTheLevelsTimeLimitAndLetTheirRequestsFinish() {
    ServingModel model = new ServingModel(1, 0.9, "fcfs", 4096, 256, 16);
    double round = (model.ttftSeconds() + 511 * 4 / model.perGpuThroughput()) / SCALE;
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
  void aServerThatDoesNotStartHasNoMetrics() {
    PredictedBenchmark benchmark = benchmark(List.of(32), 32, Duration.ofSeconds(60), List.of());

    assertThat(benchmark.metrics(new ServingModel(1, 0.94, "lpm", 8192, 256, 512))).isEmpty();
    assertThat(benchmark.metrics(new ServingModel(1, 0.85, "lpm", 32768, 256, 64))).isEmpty();
  }
}
