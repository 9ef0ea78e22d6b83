package io.autotune.strategies.bayes;

/**
 * The probability that a configuration runs at all, learnt from which experiments failed. A
 * kernel-weighted Beta-Bernoulli estimate: each finished experiment votes for its neighbourhood
 * with weight equal to its kernel correlation, on top of a prior at the overall success rate. Far
 * from every experiment the probability is the overall rate; next to failures it tends to 0. It is
 * multiplied into the acquisition, so failures shape the search without ever becoming fake scores.
 * Immutable and thread-safe.
 */
final class FeasibilityModel {
  private static final double PRIOR_WEIGHT = 1.0;
  private final Kernel kernel;
  private final double[][] successes;
  private final double[][] failures;
  private final double[] inverseSquaredLengths;
  private final double priorSuccess;
  private final double priorFailure;

  FeasibilityModel(
      Kernel kernel, double[][] successes, double[][] failures, double[] lengthScales) {
    this.kernel = kernel;
    this.successes = successes;
    this.failures = failures;
    this.inverseSquaredLengths = new double[lengthScales.length];
    for (int k = 0; k < lengthScales.length; k++) {
      // failure boundaries are often sharper than the objective's trend: cap the reach of a vote
      double l = Math.min(lengthScales[k], 0.5);
      inverseSquaredLengths[k] = 1 / (l * l);
    }
    double rate = (successes.length + 1.0) / (successes.length + failures.length + 2.0);
    this.priorSuccess = PRIOR_WEIGHT * rate;
    this.priorFailure = PRIOR_WEIGHT * (1 - rate);
  }

  boolean hasFailures() {
    return failures.length > 0;
  }

  double logProbability(double[] point) {
    double ok = priorSuccess + votes(point, successes);
    double bad = priorFailure + votes(point, failures);
    return Math.log(ok / (ok + bad));
  }

  private double votes(double[] point, double[][] points) {
    double sum = 0;
    for (double[] p : points) {
      sum += Kernel.correlation(kernel.scaledDistance(point, p, inverseSquaredLengths));
    }
    return sum;
  }
}
