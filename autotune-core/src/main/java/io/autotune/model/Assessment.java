package io.autotune.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A succeeded experiment measured against its task: the raw value of each objective (in the order
 * of {@link TaskSpec#objectives()}) and the slack of each constraint (in the order of {@link
 * TaskSpec#constraints()}). Derived from the experiment's metrics and the task's spec, never
 * stored. Immutable.
 *
 * @param values the metric of each objective as the runner measured it, without any penalty
 * @param slack each constraint's {@code (threshold − actual) / threshold}: the share of the
 *     threshold left, at least 0 when the constraint is met, negative by how far it is broken
 */
public record Assessment(List<Double> values, List<Double> slack) {

  public Assessment {
    values = List.copyOf(values);
    slack = List.copyOf(slack);
  }

  /**
   * The assessment of a SUCCEEDED experiment; empty for any other, and for one whose metrics lack
   * an objective or a constraint (which the tuning loop records as FAILED).
   */
  public static Optional<Assessment> of(TaskSpec spec, Experiment experiment) {
    Objects.requireNonNull(spec, "spec");
    if (experiment.status() != ExperimentStatus.SUCCEEDED || experiment.score().isEmpty()) {
      return Optional.empty();
    }
    return of(spec, experiment.metrics());
  }

  /**
   * The assessment of a succeeded run's metrics, e.g. a predicted one; empty when they lack an
   * objective or a constraint.
   */
  public static Optional<Assessment> of(TaskSpec spec, Map<String, Double> metrics) {
    List<Double> values = new ArrayList<>();
    for (Objective o : spec.objectives()) {
      Double v = metrics.get(o.metric());
      if (v == null) {
        return Optional.empty();
      }
      values.add(v);
    }
    List<Double> slack = new ArrayList<>();
    for (Slo c : spec.constraints()) {
      Double actual = metrics.get(c.metric());
      if (actual == null) {
        return Optional.empty();
      }
      slack.add(c.slack(actual));
    }
    return Optional.of(new Assessment(values, slack));
  }

  /** Whether every constraint is met. */
  public boolean feasible() {
    return slack.stream().allMatch(s -> s >= 0);
  }

  /** Each constraint's value as strategies take it: at most 0 when met ({@code −slack}). */
  public List<Double> constraintValues() {
    return slack.stream().map(s -> s == 0 ? 0.0 : -s).toList();
  }
}
