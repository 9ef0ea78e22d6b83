package io.autotune.store.jdbc.cluster;

import io.autotune.runner.RunnerFactory;
import io.autotune.space.Configuration;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import java.util.Map;

/** Runners that need one GPU per experiment, like a server with tensor parallelism 1. */
final class OneGpuEach implements ExperimentRunner {
  private final ExperimentRunner runner;

  private OneGpuEach(ExperimentRunner runner) {
    this.runner = runner;
  }

  static RunnerFactory of(RunnerFactory runners) {
    return spec -> new OneGpuEach(runners.create(spec));
  }

  @Override
  public Map<String, Double> run(ExperimentContext context) throws Exception {
    return runner.run(context);
  }

  @Override
  public int gpusFor(Configuration configuration) {
    return 1;
  }
}
