package io.autotune.spi;

import io.autotune.space.Configuration;
import java.util.Map;

/**
 * Runs one experiment: deploys and measures one configuration and returns its metrics (for example
 * {@code {"throughput": 1510.0, "ttft_p90": 0.42}}). The tuning loop scores them with the task's
 * objective.
 *
 * <p>A runner must stop promptly when its thread is interrupted or {@link
 * ExperimentContext#isCancelled()} turns true, and must register every process it starts with
 * {@link ExperimentContext#register(Process)} so that the loop can kill the whole tree on timeout.
 * Throwing fails the experiment with the exception's message. Implementations must be thread-safe:
 * with parallel slots several experiments run at once.
 */
@FunctionalInterface
public interface ExperimentRunner {

  /** Runs the experiment and returns its metrics. */
  Map<String, Double> run(ExperimentContext context) throws Exception;

  /** How many GPUs an experiment with this configuration needs; 0 (the default) for none. */
  default int gpusFor(Configuration configuration) {
    return 0;
  }
}
