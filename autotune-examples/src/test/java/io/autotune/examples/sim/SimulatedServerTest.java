package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.inference.BenchmarkSpec;
import io.autotune.inference.LocalServerRunner;
import io.autotune.inference.ServerStartupException;
import io.autotune.testing.FakeExperimentContext;
import io.autotune.testing.ProcessGroups;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-server runner against the simulated server, as a real child process. */
class SimulatedServerTest {

  private static final double TIME_SCALE = 5;
  private static final BenchmarkSpec BENCHMARK =
      BenchmarkSpec.builder()
          .api(BenchmarkSpec.Api.CHAT)
          .trafficScenarios(List.of("D(32,256)"))
          .concurrency(List.of(8))
          .warmupRequests(2)
          .levelBounds(Duration.ofSeconds(20), 16)
          .requestTimeout(Duration.ofSeconds(30))
          .build();

  @TempDir Path work;

  private static LocalServerRunner runner() {
    return LocalServerRunner.builder()
        .command(
            List.of(
                "{java}",
                "-cp",
                "{classpath}",
                SimulatedServer.class.getName(),
                "--port",
                "{port}",
                "--time-scale",
                String.valueOf(TIME_SCALE)))
        .benchmark(BENCHMARK)
        .usesGpus(false)
        .pollInterval(Duration.ofMillis(100))
        .shutdownGrace(Duration.ofSeconds(2))
        .build();
  }

  private static Map<String, Object> configuration(ServingModel model) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tp-size", model.tpSize());
    values.put("mem-fraction-static", model.memFractionStatic());
    values.put("schedule-policy", model.schedulePolicy());
    values.put("chunked-prefill-size", model.chunkedPrefillSize());
    values.put("max-running-requests", model.maxRunningRequests());
    values.put("cuda-graph-max-bs", model.cudaGraphMaxBs());
    return values;
  }

  @Test
  void aGoodConfigurationServesWithPlausibleMetrics() throws Exception {
    ServingModel model = new ServingModel(2, 0.9, "lpm", 8192, 256, 128);
    FakeExperimentContext context =
        new FakeExperimentContext(configuration(model), Duration.ofSeconds(90), work);

    Map<String, Double> metrics = runner().run(context);

    // what the model predicts for this benchmark, less the HTTP overheads it leaves out
    Map<String, Double> predicted =
        new PredictedBenchmark(BENCHMARK, TIME_SCALE, List.of()).metrics(model).orElseThrow();
    assertThat(
            metrics.get("output_throughput_per_gpu") / predicted.get("output_throughput_per_gpu"))
        .isBetween(0.7, 1.02);
    assertThat(metrics.get("throughput")).isGreaterThan(metrics.get("output_throughput_per_gpu"));
    assertThat(metrics.get("ttft")).isGreaterThanOrEqualTo(predicted.get("ttft"));
    assertThat(metrics.get("tpot")).isPositive();
    assertThat(metrics.get("success_rate")).isEqualTo(1.0);
    assertThat(metrics.get("gpus")).isEqualTo(2.0);
  }

  @Test
  void aConfigurationThatRunsOutOfMemoryFailsWithTheExitCodeAndTheReason() {
    ServingModel model = new ServingModel(1, 0.94, "lpm", 8192, 256, 512);
    FakeExperimentContext context =
        new FakeExperimentContext(configuration(model), Duration.ofSeconds(60), work);

    assertThatThrownBy(() -> runner().run(context))
        .isInstanceOfSatisfying(
            ServerStartupException.class, e -> assertThat(e.exitCode()).hasValue(3))
        .hasMessageContaining("CUDA out of memory");
  }

  @Test
  void aConfigurationThatHangsIsStoppedAtTheDeadlineWithNothingLeftBehind() throws Exception {
    ServingModel model = new ServingModel(1, 0.85, "lpm", 32768, 256, 64);
    FakeExperimentContext context =
        new FakeExperimentContext(configuration(model), Duration.ofSeconds(4), work);

    assertThatThrownBy(() -> runner().run(context))
        .isInstanceOf(ServerStartupException.class)
        .hasMessageContaining("did not become ready");
    Process server = context.processes.get(0);
    assertThat(server.isAlive()).isFalse();
    assertThat(ProcessGroups.alive(server.pid())).isFalse();
  }

  @Test
  void anUnknownFlagFailsWithTheSimulatorsUsageMessage() {
    FakeExperimentContext context =
        new FakeExperimentContext(Map.of("enable-magic", 1), Duration.ofSeconds(60), work);

    assertThatThrownBy(() -> runner().run(context))
        .isInstanceOfSatisfying(
            ServerStartupException.class, e -> assertThat(e.exitCode()).hasValue(2))
        .hasMessageContaining("unrecognized argument: --enable-magic");
  }
}
