package io.autotune.strategies.bayes;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Fits the kernel hyperparameters by maximising the log marginal likelihood plus log priors (a MAP
 * estimate): a set of random starts is screened by value, and the best is refined with a bounded
 * L-BFGS on the analytic gradient (refining the second best too cost a quarter of the proposal time
 * and made no consistent difference on the benchmark). The priors keep the fit sane on a handful of
 * points: length scales around half the unit cube, signal variance around 1 (the output is
 * standardised), small noise. Stateless.
 */
final class HyperparameterFit {
  static final double LOG_LENGTH_MEAN = Math.log(0.5);
  static final double LOG_LENGTH_SD = 1.0;
  static final double LOG_SIGNAL_SD = 1.0;
  static final double LOG_NOISE_MEAN = Math.log(1e-3);
  static final double LOG_NOISE_SD = 2.0;
  static final double MIN_LENGTH = 0.01;
  static final double MAX_LENGTH = 20;
  private static final int SCREENED_STARTS = 12;
  private static final int REFINED_STARTS = 1;
  private static final int ITERATIONS = 40;

  private HyperparameterFit() {}

  /** The prior's centre, used when there is too little data to fit. */
  static Hyperparameters priorMode(int groups) {
    return Hyperparameters.fromLog(centre(groups));
  }

  static Hyperparameters fit(Kernel kernel, double[][] x, double[] y, RandomGenerator random) {
    int g = kernel.groups();
    if (x.length < 2) {
      return priorMode(g);
    }
    Posterior posterior = new Posterior(new MarginalLikelihood(kernel, x, y), g);
    double[] lower = new double[g + 2];
    double[] upper = new double[g + 2];
    Arrays.fill(lower, 0, g, Math.log(MIN_LENGTH));
    Arrays.fill(upper, 0, g, Math.log(MAX_LENGTH));
    lower[g] = Math.log(0.05);
    upper[g] = Math.log(20);
    lower[g + 1] = Math.log(1e-6);
    upper[g + 1] = Math.log(0.5);
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (double[] start : screenedStarts(posterior, lower, upper, random)) {
      double[] theta = BoundedLbfgs.minimise(posterior, start, lower, upper, ITERATIONS);
      double value = posterior.valueAndGradient(theta, null);
      if (value < bestValue) {
        bestValue = value;
        best = theta;
      }
    }
    return Hyperparameters.fromLog(best);
  }

  private static double[] centre(int groups) {
    double[] theta = new double[groups + 2];
    Arrays.fill(theta, 0, groups, LOG_LENGTH_MEAN);
    theta[groups + 1] = LOG_NOISE_MEAN;
    return theta;
  }

  private static double[][] screenedStarts(
      Posterior posterior, double[] lower, double[] upper, RandomGenerator random) {
    int dim = lower.length;
    double[] centre = centre(dim - 2);
    double[][] candidates = new double[SCREENED_STARTS][];
    double[] values = new double[SCREENED_STARTS];
    for (int s = 0; s < SCREENED_STARTS; s++) {
      double[] theta = centre.clone();
      for (int k = 0; s > 0 && k < dim; k++) {
        double spread = k < dim - 2 ? LOG_LENGTH_SD : k == dim - 2 ? LOG_SIGNAL_SD : LOG_NOISE_SD;
        theta[k] += spread * 1.5 * (2 * random.nextDouble() - 1);
        theta[k] = Math.min(upper[k], Math.max(lower[k], theta[k]));
      }
      candidates[s] = theta;
      values[s] = posterior.valueAndGradient(theta, null);
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

  /** Negative log posterior of the log hyperparameters: likelihood plus Gaussian log priors. */
  private static final class Posterior implements BoundedLbfgs.Differentiable {
    private final MarginalLikelihood likelihood;
    private final int groups;

    Posterior(MarginalLikelihood likelihood, int groups) {
      this.likelihood = likelihood;
      this.groups = groups;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
      double value = likelihood.negativeLog(theta, gradient);
      for (int k = 0; k < theta.length; k++) {
        double mean = k < groups ? LOG_LENGTH_MEAN : k == groups ? 0 : LOG_NOISE_MEAN;
        double sd = k < groups ? LOG_LENGTH_SD : k == groups ? LOG_SIGNAL_SD : LOG_NOISE_SD;
        double z = (theta[k] - mean) / sd;
        value += 0.5 * z * z;
        if (gradient != null) {
          gradient[k] += z / sd;
        }
      }
      return value;
    }
  }
}
