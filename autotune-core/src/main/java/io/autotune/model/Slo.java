package io.autotune.model;

import java.util.Objects;

/**
 * A service-level objective: {@code metric} should stay at or below {@code threshold}. A run over
 * it is penalised by {@code weight · exp(ratio / steepness)} with {@code ratio = (actual −
 * threshold) / threshold}, or fails outright when {@code hardFail} and {@code ratio > failRatio}.
 */
public record Slo(
    String metric, double threshold, boolean hardFail, double failRatio, double weight) {

  public Slo {
    Objects.requireNonNull(metric, "metric");
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
  }

  /** A soft SLO with weight 1. */
  public static Slo soft(String metric, double threshold) {
    return new Slo(metric, threshold, false, 0, 1.0);
  }

  /** A hard SLO: the run fails when the metric exceeds the threshold by more than failRatio. */
  public static Slo hard(String metric, double threshold, double failRatio) {
    return new Slo(metric, threshold, true, failRatio, 1.0);
  }

  /** (actual − threshold) / threshold; at most 0 when the SLO is met. */
  public double ratio(double actual) {
    return (actual - threshold) / threshold;
  }
}
