package io.autotune.strategies;

import java.util.random.RandomGenerator;

/** The normal distribution truncated to [0, 1]: log densities and samples. */
final class TruncatedNormal {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final int REJECTION_TRIES = 64;

  private TruncatedNormal() {}

  /** The part of the log density that does not depend on x: -log(sigma sqrt(2 pi) Z). */
  static double logNormaliser(double mu, double sigma) {
    double mass = cdf((1 - mu) / sigma) - cdf(-mu / sigma);
    return -Math.log(sigma) - LOG_SQRT_2PI - Math.log(Math.max(mass, 1e-300));
  }

  static double logDensity(double x, double mu, double sigma, double logNormaliser) {
    double z = (x - mu) / sigma;
    return logNormaliser - 0.5 * z * z;
  }

  /**
   * A sample by rejection: the mean lies in [0, 1], so at least a third of the mass is inside and a
   * few tries suffice; the uniform fallback only guards against pathological inputs.
   */
  static double sample(double mu, double sigma, RandomGenerator random) {
    for (int i = 0; i < REJECTION_TRIES; i++) {
      double x = mu + sigma * random.nextGaussian();
      if (x >= 0 && x <= 1) {
        return x;
      }
    }
    return random.nextDouble();
  }

  /** The standard normal CDF. */
  static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** Complementary error function, fractional error below 1.2e-7 (Numerical Recipes' erfcc). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly = 0;
    for (int i = ERFC.length - 1; i >= 0; i--) {
      poly = poly * t + ERFC[i];
    }
    double result = t * Math.exp(-z * z + poly);
    return x >= 0 ? result : 2 - result;
  }

  private static final double[] ERFC = {
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
    0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277
  };
}
