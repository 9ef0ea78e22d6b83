package io.autotune.internal;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.space.Configuration;
import io.autotune.spi.Proposer;
import io.autotune.spi.Strategy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a task whose experiments any worker may run does next, decided from its log alone, so that
 * every worker decides alike: the limits of {@link TuningLoop} (cancellation, {@code task_timeout},
 * {@code max_iterations}, an exhausted strategy) end the task once nothing of it runs; {@code
 * parallelism} caps its running experiments; otherwise the next configuration as {@link Proposals}
 * chooses it, with every worker's running experiments as pending points. Thread-safe.
 */
public final class SharedProposer implements Proposer {
  private final Function<Task, Strategy> strategies;
  private final Clock clock;

  /** {@code strategies} gives each task's strategy (it may cache them per task). */
  public SharedProposer(Function<Task, Strategy> strategies, Clock clock) {
    this.strategies = strategies;
    this.clock = clock;
  }

  @Override
  public Decision decide(Task task, List<Experiment> log) {
    long unfinished = log.stream().filter(e -> !e.status().isFinal()).count();
    Optional<String> end = reasonToEnd(task, log);
    if (end.isPresent()) {
      return unfinished > 0
          ? new Wait(end.get() + "; " + unfinished + " still running")
          : finish(task, log);
    }
    if (task.spec().parallelism().isPresent()
        && unfinished >= task.spec().parallelism().getAsInt()) {
      return new Wait("at its parallelism of " + task.spec().parallelism().getAsInt());
    }
    Optional<Configuration> next =
        Proposals.next(task, Proposals.seed(task), log, strategies.apply(task));
    if (next.isPresent()) {
      return new Run(next.get());
    }
    return unfinished > 0
        ? new Wait("the strategy has nothing more to propose")
        : finish(task, log);
  }

  private Optional<String> reasonToEnd(Task task, List<Experiment> log) {
    if (task.cancelRequested()) {
      return Optional.of("cancelled");
    }
    if (!clock.instant().isBefore(deadline(task.spec(), log, clock.instant()))) {
      return Optional.of("its task_timeout passed");
    }
    long counted = log.stream().filter(e -> e.status() != ExperimentStatus.ABANDONED).count();
    if (counted >= task.spec().experimentBudget()) {
      return Optional.of("max_iterations reached");
    }
    return Optional.empty();
  }

  private static Finish finish(Task task, List<Experiment> log) {
    if (task.cancelRequested()) {
      return new Finish(TaskStatus.CANCELLED);
    }
    boolean anySucceeded = log.stream().anyMatch(e -> e.status() == ExperimentStatus.SUCCEEDED);
    return new Finish(anySucceeded ? TaskStatus.COMPLETED : TaskStatus.FAILED);
  }

  /**
   * The task's deadline: {@code task_timeout} after its first experiment was created, under
   * whichever owner; {@link Instant#MAX} without a task timeout. A task not started yet counts from
   * {@code now}.
   */
  static Instant deadline(TaskSpec spec, List<Experiment> log, Instant now) {
    Instant firstStart =
        log.stream().map(Experiment::createdAt).min(Instant::compareTo).orElse(now);
    return spec.taskTimeout().map(firstStart::plus).orElse(Instant.MAX);
  }
}
