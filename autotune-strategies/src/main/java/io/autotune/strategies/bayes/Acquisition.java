package io.autotune.strategies.bayes;

import java.util.Optional;

/**
 * What the search maximises: the log of a {@link Criterion} (expected improvement over the best
 * modelled feasible loss, expected hypervolume improvement, or exploration), plus the log
 * probability that the constraints hold and, when experiments have failed, the log probability that
 * the configuration runs at all. Points are scored as they will be proposed (integers and choices
 * snapped). Thread-safe (immutable).
 */
final class Acquisition {
  /** The log of what a point is expected to bring, before feasibility. */
  interface Criterion {
    double log(double[] point);

    /** Log expected improvement over {@code best}, for one objective. */
    static Criterion expectedImprovement(GaussianProcess model, double best) {
      return x -> {
        double[] meanVariance = new double[2];
        model.predict(x, meanVariance);
        return LogExpectedImprovement.value(meanVariance[0], meanVariance[1], best);
      };
    }

    /** Half the log posterior variance of a model of where experiments already are. */
    static Criterion exploration(GaussianProcess where) {
      return x -> {
        double[] meanVariance = new double[2];
        where.predict(x, meanVariance);
        return 0.5 * Math.log(meanVariance[1]);
      };
    }

    /** Nothing but feasibility: where no success meets the constraints yet. */
    static Criterion feasibilityOnly() {
      return x -> 0;
    }
  }

  private final SpaceEncoding encoding;
  private final Criterion criterion;
  private final Optional<FeasibilityModel> feasibility;
  private final Optional<ConstraintModel> constraints;
  private final PendingPenalty penalty;

  Acquisition(
      SpaceEncoding encoding,
      Criterion criterion,
      Optional<FeasibilityModel> feasibility,
      Optional<ConstraintModel> constraints,
      PendingPenalty penalty) {
    this.encoding = encoding;
    this.criterion = criterion;
    this.feasibility = feasibility;
    this.constraints = constraints;
    this.penalty = penalty;
  }

  /** The score of {@code point} as proposed; never NaN. */
  double value(double[] point) {
    double[] x = point.clone();
    encoding.snap(x);
    double score = criterion.log(x) + penalty.logFactor(x);
    if (constraints.isPresent()) {
      score += constraints.get().logProbability(x);
    }
    if (feasibility.isPresent()) {
      score += feasibility.get().logProbability(x);
    }
    return Double.isNaN(score) ? -Double.MAX_VALUE : score;
  }
}
