package io.autotune;

import io.autotune.model.Confirmed;
import io.autotune.model.Experiment;
import io.autotune.model.TaskStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run of a task ended. {@code best} is the best feasible experiment by the first objective
 * (empty when none succeeded within the constraints); {@code paretoFront} holds the feasible
 * experiments that no other feasible one dominates (with one objective: the best and its ties).
 * {@link io.autotune.model.TaskSpec#assess} gives an experiment's raw objective values and slack.
 * {@code status} is the task's status when this worker stopped: final normally; RUNNING when the
 * worker stopped without finishing it (shut down, lease lost). {@code confirmed} holds the
 * configurations that the task's confirmation runs repeated ({@code optimization.confirm_best}),
 * best mean first, each with its runs and a confidence interval; empty without confirmation.
 */
public record TuningResult(
    String taskId,
    TaskStatus status,
    List<Experiment> experiments,
    Optional<Experiment> best,
    List<Experiment> paretoFront,
    List<Confirmed> confirmed) {
  public TuningResult {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(status, "status");
    experiments = List.copyOf(experiments);
    Objects.requireNonNull(best, "best");
    paretoFront = List.copyOf(paretoFront);
    confirmed = List.copyOf(confirmed);
  }

  /** A result without confirmation runs. */
  public TuningResult(
      String taskId,
      TaskStatus status,
      List<Experiment> experiments,
      Optional<Experiment> best,
      List<Experiment> paretoFront) {
    this(taskId, status, experiments, best, paretoFront, List.of());
  }

  /**
   * The pick of the confirmation runs: of the configurations feasible in every run, the one with
   * the best mean; empty without confirmation runs.
   */
  public Optional<Confirmed> confirmedBest() {
    return confirmed.stream().findFirst().filter(Confirmed::feasibleInEveryRun);
  }
}
