package io.autotune.spi;

import io.autotune.model.Experiment;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.space.Configuration;
import java.util.List;
import java.util.Objects;

/**
 * Decides what a task shared among workers does next, from its experiment log; the store calls it
 * with the task locked ({@link CheckpointStore#propose}), so that no two workers decide at once.
 * Keep it short: every other worker that proposes for the task waits for it.
 */
@FunctionalInterface
public interface Proposer {

  /** What to do, given the task and its log in number order (dead owners' experiments marked). */
  Decision decide(Task task, List<Experiment> experiments);

  /** The answer: run a configuration, finish the task, or wait for running experiments. */
  sealed interface Decision permits Run, Finish, Wait {}

  /** Record a new experiment of {@code configuration} under the proposing worker's lease. */
  record Run(Configuration configuration) implements Decision {
    public Run {
      Objects.requireNonNull(configuration, "configuration");
    }
  }

  /** End the task with {@code status}: nothing runs and nothing more will. */
  record Finish(TaskStatus status) implements Decision {
    public Finish {
      if (!status.isFinal()) {
        throw new IllegalArgumentException("not a final status: " + status);
      }
    }
  }

  /** Nothing now ({@code why}: at its parallelism, or the last experiments still run). */
  record Wait(String why) implements Decision {
    public Wait {
      Objects.requireNonNull(why, "why");
    }
  }
}
