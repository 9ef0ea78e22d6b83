package io.autotune.model;

import java.util.Objects;

/**
 * A service-level objective: {@code metric} should stay at or below {@code threshold}. How a task
 * uses it is its {@link Use}: as a constraint (the recommended form: an experiment over the
 * threshold keeps its real objective values and is marked infeasible, with its slack), or in the
 * predecessor's legacy forms, kept for old task files: a soft penalty of {@code weight · exp(ratio
 * / steepness)} on the score with {@code ratio = (actual − threshold) / threshold}, which {@link
 * Use#HARD} turns into a failure when {@code ratio > failRatio}.
 */
public record Slo(String metric, double threshold, Use use, double failRatio, double weight) {

  /** How a task uses an SLO; its task JSON name is the lower-case name ({@code "as"}). */
  public enum Use {
    /** A constraint: feasible when met; never changes a score. */
    CONSTRAINT,
    /** Legacy: a soft penalty on the score. */
    PENALTY,
    /** Legacy: a soft penalty, and a failure beyond {@code failRatio}. */
    HARD;

    /** The name in task JSON. */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Slo {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(use, "use");
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "SLO " + metric + ": threshold must be a positive number, but was " + threshold);
    }
    if (!(failRatio >= 0)) {
      throw new IllegalArgumentException(
          "SLO " + metric + ": fail_ratio must be at least 0, but was " + failRatio);
    }
    if (!(weight >= 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException(
          "SLO " + metric + ": weight must be at least 0, but was " + weight);
    }
    if (use == Use.CONSTRAINT && (failRatio != 0 || weight != 1)) {
      throw new IllegalArgumentException(
          "SLO " + metric + ": a constraint has no fail_ratio or weight");
    }
  }

  /** The predecessor's form: a soft penalty, or {@link Use#HARD} when {@code hardFail}. */
  public Slo(String metric, double threshold, boolean hardFail, double failRatio, double weight) {
    this(metric, threshold, hardFail ? Use.HARD : Use.PENALTY, failRatio, weight);
  }

  /** A constraint: met when {@code metric} is at most {@code threshold}. */
  public static Slo constraint(String metric, double threshold) {
    return new Slo(metric, threshold, Use.CONSTRAINT, 0, 1.0);
  }

  /** A legacy soft SLO with weight 1. */
  public static Slo soft(String metric, double threshold) {
    return new Slo(metric, threshold, Use.PENALTY, 0, 1.0);
  }

  /**
   * A legacy hard SLO: the run fails when the metric exceeds the threshold by more than failRatio.
   */
  public static Slo hard(String metric, double threshold, double failRatio) {
    return new Slo(metric, threshold, Use.HARD, failRatio, 1.0);
  }

  public boolean hardFail() {
    return use == Use.HARD;
  }

  public boolean isConstraint() {
    return use == Use.CONSTRAINT;
  }

  /** (actual − threshold) / threshold; at most 0 when the SLO is met. */
  public double ratio(double actual) {
    return (actual - threshold) / threshold;
  }

  /** (threshold − actual) / threshold: the room left, at least 0 when the SLO is met. */
  public double slack(double actual) {
    return -ratio(actual);
  }
}
