package io.autotune.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.runner.ProcessTree;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link ExperimentRunner} must have, checked through the real tuning loop: it
 * returns the objective's metric, it stops when its experiment times out (nothing it started stays
 * alive), and it can run several experiments at once.
 */
public abstract class ExperimentRunnerContract {
  @TempDir protected Path work;

  /** The runner under test. */
  protected abstract ExperimentRunner runner();

  /** The search space the runner understands. */
  protected abstract SearchSpace space();

  /** The metric the runner reports, minimised in these tests. */
  protected abstract String metric();

  /** A configuration the runner finishes quickly. */
  protected abstract Configuration quick();

  /** A configuration whose experiment runs far longer than {@link #timeout()}. */
  protected abstract Configuration slow();

  /** A timeout the quick configuration meets and the slow one does not. */
  protected Duration timeout() {
    return Duration.ofSeconds(5);
  }

  private TuningResult run(Configuration configuration, int experiments, int parallelism) {
    TaskSpec spec =
        TaskSpec.of("contract", space(), Objective.minimize(metric()))
            .withMaxExperiments(experiments)
            .withExperimentTimeout(timeout())
            .withSeed(1);
    Strategy fixed = context -> Optional.of(configuration);
    return Tuner.builder()
        .runner(runner())
        .strategy(fixed)
        .parallelism(parallelism)
        .workDirectory(work)
        .killGrace(Duration.ofSeconds(2))
        .build()
        .run(spec);
  }

  @Test
  void aQuickConfigurationSucceedsWithTheMetric() {
    Experiment e = run(quick(), 1, 1).experiments().get(0);
    assertThat(e.status()).as("error: %s", e.error()).isEqualTo(ExperimentStatus.SUCCEEDED);
    assertThat(e.metrics()).containsKey(metric());
  }

  @Test
  void aSlowConfigurationTimesOutAndLeavesNoProcessBehind() {
    Experiment e = run(slow(), 1, 1).experiments().get(0);
    assertThat(e.status()).isEqualTo(ExperimentStatus.TIMED_OUT);
    assertThat(e.processes())
        .as("the runner registers its processes")
        .isNotEmpty()
        .allSatisfy(p -> assertThat(ProcessTree.find(p)).as("process %s", p.pid()).isEmpty());
  }

  @Test
  void severalExperimentsRunAtOnce() {
    TuningResult result = run(quick(), 4, 2);
    assertThat(result.experiments())
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.SUCCEEDED));
  }
}
