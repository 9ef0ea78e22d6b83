package io.autotune;

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
 * worker stopped without finishing it (shut down, lease lost).
 */
public record TuningResult(
    String taskId,
    TaskStatus status,
    List<Experiment> experiments,
    Optional<Experiment> best,
    List<Experiment> paretoFront) {
  public TuningResult {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(status, "status");
    experiments = List.copyOf(experiments);
    Objects.requireNonNull(best, "best");
    paretoFront = List.copyOf(paretoFront);
  }
}
