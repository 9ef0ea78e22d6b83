package io.autotune.strategies.bayes;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Fits the kernel hyperparameters by maximising the log marginal likelihood plus log priors (a MAP
 * estimate), with BOBYQA inside bounds from the best few of a set of random starts. The priors keep
 * the fit sane on a handful of points: length scales around half the unit cube, signal variance
 * around 1 (the output is standardised), small noise. Stateless.
 */
final class HyperparameterFit {
  static final double LOG_LENGTH_MEAN = Math.log(0.5);
  static final double LOG_LENGTH_SD = 1.0;
  static final double LOG_SIGNAL_SD = 1.0;
  static final double LOG_NOISE_MEAN = Math.log(1e-3);
  static final double LOG_NOISE_SD = 2.0;
  private static final int SCREENED_STARTS = 12;
  private static final int REFINED_STARTS = 2;
  private static final int EVALUATIONS_PER_START = 90;

  private HyperparameterFit() {}

  /** The prior's centre, used when there is too little data to fit. */
  static Hyperparameters priorMode(int groups) {
    double[] theta = new double[groups + 2];
    Arrays.fill(theta, 0, groups, LOG_LENGTH_MEAN);
    theta[groups] = 0;
    theta[groups + 1] = LOG_NOISE_MEAN;
    return Hyperparameters.fromLog(theta);
  }

  static Hyperparameters fit(Kernel kernel, double[][] x, double[] y, RandomGenerator random) {
    int g = kernel.groups();
    if (x.length < 2) {
      return priorMode(g);
    }
    MarginalLikelihood likelihood = new MarginalLikelihood(kernel, x, y);
    double[] lower = new double[g + 2];
    double[] upper = new double[g + 2];
    Arrays.fill(lower, 0, g, Math.log(0.01));
    Arrays.fill(upper, 0, g, Math.log(20));
    lower[g] = Math.log(0.05);
    upper[g] = Math.log(20);
    lower[g + 1] = Math.log(1e-6);
    upper[g + 1] = Math.log(0.5);
    Objective objective = new Objective(likelihood, g);
    double[][] starts = screenedStarts(objective, lower, upper, random);
    for (double[] start : starts) {
      refine(objective, start, lower, upper);
    }
    return Hyperparameters.fromLog(objective.best);
  }

  private static double[][] screenedStarts(
      Objective objective, double[] lower, double[] upper, RandomGenerator random) {
    int dim = lower.length;
    int g = dim - 2;
    double[][] candidates = new double[SCREENED_STARTS][];
    double[] values = new double[SCREENED_STARTS];
    for (int s = 0; s < SCREENED_STARTS; s++) {
      double[] theta = new double[dim];
      for (int k = 0; k < dim; k++) {
        double centre = k < g ? LOG_LENGTH_MEAN : k == g ? 0 : LOG_NOISE_MEAN;
        double spread = k < g ? LOG_LENGTH_SD : k == g ? LOG_SIGNAL_SD : LOG_NOISE_SD;
        double value = s == 0 ? centre : centre + spread * (2 * random.nextDouble() - 1) * 1.5;
        theta[k] = Math.min(upper[k] - 1e-3, Math.max(lower[k] + 1e-3, value));
      }
      candidates[s] = theta;
      values[s] = objective.value(theta);
    }
    Integer[] order = new Integer[SCREENED_STARTS];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[][] best = new double[REFINED_STARTS][];
    for (int i = 0; i < REFINED_STARTS; i++) {
      best[i] = candidates[order[i]];
    }
    return best;
  }

  private static void refine(Objective objective, double[] start, double[] lower, double[] upper) {
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, 0.5, 1e-3);
    try {
      optimizer.optimize(
          new MaxEval(EVALUATIONS_PER_START),
          new ObjectiveFunction(objective::value),
          GoalType.MINIMIZE,
          new InitialGuess(start),
          new SimpleBounds(lower, upper));
    } catch (MathIllegalStateException tooManyEvaluations) {
      // the best point seen so far is kept by the objective
    }
  }

  /** Negative log posterior of the hyperparameters; remembers the best point it was asked at. */
  private static final class Objective {
    private final MarginalLikelihood likelihood;
    private final int groups;
    private double[] best;
    private double bestValue = Double.POSITIVE_INFINITY;

    Objective(MarginalLikelihood likelihood, int groups) {
      this.likelihood = likelihood;
      this.groups = groups;
    }

    double value(double[] theta) {
      double prior = 0;
      for (int k = 0; k < groups; k++) {
        prior += square((theta[k] - LOG_LENGTH_MEAN) / LOG_LENGTH_SD);
      }
      prior += square(theta[groups] / LOG_SIGNAL_SD);
      prior += square((theta[groups + 1] - LOG_NOISE_MEAN) / LOG_NOISE_SD);
      double value = likelihood.negativeLog(Hyperparameters.fromLog(theta)) + 0.5 * prior;
      if (value < bestValue) {
        bestValue = value;
        best = theta.clone();
      }
      return value;
    }

    private static double square(double v) {
      return v * v;
    }
  }
}
