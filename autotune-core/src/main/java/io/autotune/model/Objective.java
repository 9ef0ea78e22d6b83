package io.autotune.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to optimise: a metric, a direction and optional SLOs. Immutable. In a task of several
 * objectives the first carries the task's SLOs (see {@link TaskSpec}).
 *
 * <p>An SLO used as a constraint never changes the score: {@link TaskSpec#assess} says whether an
 * experiment met it. For the legacy penalty SLOs the math is the predecessor's: each violated soft
 * SLO adds {@code weight · exp(ratio / steepness)} to the penalty, and the score is {@code base +
 * penalty · |base|} when minimising ({@code base − penalty · |base|} when maximising), so that a
 * violating run never looks better than the same run without the violation, for either direction.
 */
public record Objective(String metric, Direction direction, List<Slo> slos, double steepness) {

  /** The predecessor's default steepness. */
  public static final double DEFAULT_STEEPNESS = 0.1;

  public Objective {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(direction, "direction");
    slos = List.copyOf(slos);
    if (!(steepness > 0) || !Double.isFinite(steepness)) {
      throw new IllegalArgumentException("steepness must be greater than 0, but was " + steepness);
    }
  }

  public static Objective minimize(String metric) {
    return new Objective(metric, Direction.MINIMIZE, List.of(), DEFAULT_STEEPNESS);
  }

  public static Objective maximize(String metric) {
    return new Objective(metric, Direction.MAXIMIZE, List.of(), DEFAULT_STEEPNESS);
  }

  public Objective withSlos(List<Slo> slos, double steepness) {
    return new Objective(metric, direction, slos, steepness);
  }

  /** Scores an experiment's metrics, or rejects them with a reason a person can act on. */
  public Evaluation evaluate(Map<String, Double> metrics) {
    Double base = metrics.get(metric);
    if (base == null) {
      return new Evaluation.Rejected(
          "metric '" + metric + "' is missing; the runner reported " + metrics.keySet());
    }
    if (!Double.isFinite(base)) {
      return new Evaluation.Rejected("metric '" + metric + "' is not a finite number: " + base);
    }
    double penalty = 0;
    List<String> missing = new ArrayList<>();
    for (Slo slo : slos) {
      Double actual = metrics.get(slo.metric());
      if (actual == null || actual.isNaN()) {
        missing.add(slo.metric());
        continue;
      }
      double ratio = slo.ratio(actual);
      if (ratio <= 0 || slo.isConstraint()) {
        continue;
      }
      if (slo.hardFail() && ratio > slo.failRatio()) {
        return new Evaluation.Rejected(
            String.format(
                "hard SLO violated: %s = %.4g exceeds threshold %.4g by %.1f%% (allowed %.1f%%)",
                slo.metric(), actual, slo.threshold(), ratio * 100, slo.failRatio() * 100));
      }
      penalty += slo.weight() * Math.exp(ratio / steepness);
    }
    if (!missing.isEmpty()) {
      return new Evaluation.Rejected("SLO metrics missing from the runner's result: " + missing);
    }
    double shift = penalty * Math.abs(base);
    double score = direction == Direction.MINIMIZE ? base + shift : base - shift;
    if (!Double.isFinite(score)) {
      return new Evaluation.Rejected("SLO penalty overflowed for " + metric + " = " + base);
    }
    return new Evaluation.Scored(score, base, penalty);
  }
}
