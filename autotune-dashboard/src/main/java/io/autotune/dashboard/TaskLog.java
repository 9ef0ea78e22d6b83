package io.autotune.dashboard;

import io.autotune.AutotuneException;
import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.spi.CheckpointStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A task with its experiment log, as read at one moment; the facts every view derives. */
record TaskLog(Task task, List<Experiment> experiments) {
  private static final Logger LOG = LoggerFactory.getLogger(TaskLog.class);

  TaskLog {
    experiments = List.copyOf(experiments);
  }

  /** Every task of the store with its experiments, oldest task first. */
  static List<TaskLog> readAll(CheckpointStore store) {
    return store.tasks().stream().map(task -> read(store, task)).toList();
  }

  /**
   * Has the store mark ABANDONED the unfinished experiments of tasks whose owner's lease expired
   * (the store checks the lease by its own clock, in the same transaction), so that the dashboard
   * never shows a dead owner's experiments running; then returns the store's time, by which a
   * task's lease is judged. A store that refuses the write (a read-only user) is only logged.
   */
  static Instant abandonDeadOwners(CheckpointStore store) {
    try {
      store.abandonDeadOwners();
    } catch (AutotuneException e) {
      LOG.warn("could not mark the experiments of dead owners ABANDONED: {}", e.getMessage());
    }
    return store.now();
  }

  static TaskLog read(CheckpointStore store, Task task) {
    return new TaskLog(task, store.experiments(task.id()));
  }

  /** Experiments in a final status. */
  long finished() {
    return experiments.stream().filter(e -> e.status().isFinal()).count();
  }

  /** Experiments not yet in a final status. */
  long running() {
    return experiments.size() - finished();
  }

  /**
   * The feasible experiment with the best score (by the first objective); the earlier one on a tie.
   */
  Optional<Experiment> best() {
    return task.spec().best(experiments);
  }

  /** Experiments that succeeded. */
  long succeeded() {
    return experiments.stream().filter(e -> e.status() == ExperimentStatus.SUCCEEDED).count();
  }

  /** Succeeded experiments that met every constraint. */
  long feasible() {
    return experiments.stream().filter(e -> Boolean.TRUE.equals(isFeasible(e))).count();
  }

  /** Whether a succeeded experiment met every constraint; null for the others. */
  Boolean isFeasible(Experiment e) {
    return task.spec().assess(e).map(Assessment::feasible).orElse(null);
  }

  /** The numbers of the Pareto front: the feasible experiments no feasible one dominates. */
  Set<Integer> paretoFront() {
    Set<Integer> numbers = new TreeSet<>();
    task.spec().paretoFront(experiments).forEach(e -> numbers.add(e.number()));
    return numbers;
  }

  static boolean isScored(Experiment e) {
    return e.status() == ExperimentStatus.SUCCEEDED && e.score().isPresent();
  }

  /** When an experiment began: its start, or when it was recorded if it never started. */
  static Instant start(Experiment e) {
    return e.startedAt().orElse(e.createdAt());
  }

  /** When it ended, or {@code now} while it runs. */
  static Instant end(Experiment e, Instant now) {
    return e.finishedAt().orElse(e.status().isFinal() ? start(e) : now);
  }

  static Duration duration(Experiment e, Instant now) {
    Duration d = Duration.between(start(e), end(e, now));
    return d.isNegative() ? Duration.ZERO : d;
  }
}
