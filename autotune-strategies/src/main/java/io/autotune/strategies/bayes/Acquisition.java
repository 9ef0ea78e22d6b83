package io.autotune.strategies.bayes;

import java.util.Optional;

/**
 * What the search maximises: log expected improvement over the best modelled loss, plus the log
 * probability of feasibility when experiments have failed. Without any successful experiment it is
 * pure exploration: half the log posterior variance of a model of where experiments already are,
 * times feasibility. Points are scored as they will be proposed (integers and choices snapped).
 * Thread-safe (immutable).
 */
final class Acquisition {
  private final SpaceEncoding encoding;
  private final GaussianProcess model;
  private final Optional<FeasibilityModel> feasibility;
  private final boolean exploreOnly;
  private final PendingPenalty penalty;
  private final double best;

  private Acquisition(
      SpaceEncoding encoding,
      GaussianProcess model,
      Optional<FeasibilityModel> feasibility,
      boolean exploreOnly,
      PendingPenalty penalty,
      double best) {
    this.encoding = encoding;
    this.model = model;
    this.feasibility = feasibility;
    this.exploreOnly = exploreOnly;
    this.penalty = penalty;
    this.best = best;
  }

  static Acquisition expectedImprovement(
      SpaceEncoding encoding,
      GaussianProcess model,
      Optional<FeasibilityModel> feasibility,
      PendingPenalty penalty,
      double best) {
    return new Acquisition(encoding, model, feasibility, false, penalty, best);
  }

  static Acquisition exploration(
      SpaceEncoding encoding, GaussianProcess model, Optional<FeasibilityModel> feasibility) {
    return new Acquisition(encoding, model, feasibility, true, PendingPenalty.NONE, 0);
  }

  /** The score of {@code point} as proposed; never NaN. */
  double value(double[] point) {
    double[] x = point.clone();
    encoding.snap(x);
    double[] meanVariance = new double[2];
    model.predict(x, meanVariance);
    double score =
        exploreOnly
            ? 0.5 * Math.log(meanVariance[1])
            : LogExpectedImprovement.value(meanVariance[0], meanVariance[1], best);
    score += penalty.logFactor(x);
    if (feasibility.isPresent()) {
      score += feasibility.get().logProbability(x);
    }
    return Double.isNaN(score) ? -Double.MAX_VALUE : score;
  }
}
