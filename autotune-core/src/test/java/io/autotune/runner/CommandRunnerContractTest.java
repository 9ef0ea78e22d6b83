package io.autotune.runner;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.ExperimentRunnerContract;
import java.time.Duration;
import java.util.Map;

class CommandRunnerContractTest extends ExperimentRunnerContract {
  @Override
  protected ExperimentRunner runner() {
    // sleeps for --seconds, in a child of the shell, then prints the metric
    return CommandRunner.of("sh", "-c", "sleep $2 & wait; echo '{\"elapsed\": '$2'}'", "sh");
  }

  @Override
  protected SearchSpace space() {
    return SearchSpace.builder().integer("seconds", 0, 1000).build();
  }

  @Override
  protected String metric() {
    return "elapsed";
  }

  @Override
  protected Configuration quick() {
    return Configuration.of(Map.of("seconds", 0));
  }

  @Override
  protected Configuration slow() {
    return Configuration.of(Map.of("seconds", 1000));
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(2);
  }
}
