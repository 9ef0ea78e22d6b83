package io.autotune.strategies.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The acquisition for two objectives: one Gaussian process per objective, on its standardised
 * values (a linear map, so that hypervolume ranks points as it does on the raw values), and the
 * exact {@link ExpectedHypervolumeImprovement} over the feasible Pareto front, whose reference
 * point lies a tenth of each objective's range beyond the worst value seen. Pending experiments
 * join the front at their predicted means (kriging believer). Constraints and failures weigh in as
 * in the one-objective model. Stateless.
 */
final class ParetoSurrogate {
  private static final double REFERENCE_MARGIN = 0.1;

  private ParetoSurrogate() {}

  static Acquisition acquisition(
      SpaceEncoding encoding, Observations observations, RandomGenerator random) {
    Kernel kernel = new Kernel(encoding.groups());
    int modelCount = 2 + observations.constraintCount();
    int[] kept =
        Subsets.bestAndSpread(observations.losses(), SurrogateModel.modelPoints(modelCount));
    double[][] x = Subsets.rows(observations.successes().toArray(double[][]::new), kept);
    double[][] constraintValues = Subsets.rows(observations.constraints(), kept);
    List<double[]> failures = Subsets.last(observations.failures(), SurrogateModel.MAX_FAILURES);
    GaussianProcess[] models = new GaussianProcess[2];
    double[][] y = new double[2][];
    Hyperparameters first = null;
    for (int k = 0; k < 2; k++) {
      int objective = k;
      y[k] =
          OutputWarping.standardise(
              Arrays.stream(kept)
                  .mapToDouble(i -> observations.objectives()[i][objective])
                  .toArray());
      Hyperparameters h = SurrogateModel.fit(kernel, x, y[k], random, modelCount);
      first = first == null ? h : first;
      models[k] =
          SurrogateModel.withFantasies(kernel, x, y[k], h, observations.pending(), failures);
    }
    Optional<FeasibilityModel> feasibility = SurrogateModel.feasibility(kernel, x, failures, first);
    Optional<ConstraintModel> constraints =
        SurrogateModel.constraints(kernel, x, constraintValues, observations, modelCount, random);
    PendingPenalty penalty = new PendingPenalty(kernel, observations.pending(), first);
    List<double[]> front = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Arrays.stream(constraintValues[i]).allMatch(c -> c <= 0)) {
        front.add(new double[] {y[0][i], y[1][i]});
      }
    }
    if (front.isEmpty() && constraints.isPresent()) {
      return new Acquisition(
          encoding, Acquisition.Criterion.feasibilityOnly(), feasibility, constraints, penalty);
    }
    for (double[] p : observations.pending()) {
      front.add(new double[] {models[0].mean(p), models[1].mean(p)});
    }
    ExpectedHypervolumeImprovement ehvi =
        ExpectedHypervolumeImprovement.over(front, new double[] {reference(y[0]), reference(y[1])});
    Acquisition.Criterion criterion =
        point -> {
          double[] first2 = new double[2];
          double[] second = new double[2];
          models[0].predict(point, first2);
          models[1].predict(point, second);
          return ehvi.log(first2[0], first2[1], second[0], second[1]);
        };
    return new Acquisition(encoding, criterion, feasibility, constraints, penalty);
  }

  private static double reference(double[] values) {
    double max = Arrays.stream(values).max().orElse(0);
    double min = Arrays.stream(values).min().orElse(0);
    return max + REFERENCE_MARGIN * Math.max(max - min, 1e-9);
  }
}
