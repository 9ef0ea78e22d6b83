package io.autotune.inference;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.ExperimentRunnerContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The core runner contract, through the real tuning loop, with the scripted server. */
class LocalServerRunnerContractTest extends ExperimentRunnerContract {

  @Override
  protected ExperimentRunner runner() {
    return LocalServerRunner.builder()
        .command(ScriptedServers.COMMAND)
        .benchmark(
            BenchmarkSpec.builder()
                .trafficScenarios(List.of("D(8,4)"))
                .concurrency(List.of(2))
                .warmupRequests(1)
                .levelBounds(Duration.ofSeconds(10), 4)
                .requestTimeout(Duration.ofSeconds(10))
                .build())
        .usesGpus(false)
        .pollInterval(Duration.ofMillis(100))
        .shutdownGrace(Duration.ofSeconds(1))
        .build();
  }

  @Override
  protected SearchSpace space() {
    return SearchSpace.builder().choice("hang-at-start", "no", "yes").build();
  }

  @Override
  protected String metric() {
    return InferenceMetrics.LATENCY;
  }

  @Override
  protected Configuration quick() {
    return Configuration.of(Map.of("hang-at-start", "no"));
  }

  @Override
  protected Configuration slow() {
    return Configuration.of(Map.of("hang-at-start", "yes"));
  }

  @Override
  protected Duration timeout() {
    // a JVM start and a small benchmark on a busy 2-core machine
    return Duration.ofSeconds(20);
  }
}
