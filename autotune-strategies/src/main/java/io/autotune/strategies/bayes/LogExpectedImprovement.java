package io.autotune.strategies.bayes;

import org.hipparchus.special.Erf;

/**
 * log EI for minimisation, computed so that it stays finite and ordered far from the incumbent
 * where EI itself underflows to zero (Ament et al., "Unexpected improvements to expected
 * improvement", 2023). EI = σ h(z) with z = (best − μ)/σ and h(z) = φ(z) + zΦ(z). Stateless.
 */
final class LogExpectedImprovement {
  private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT_HALF_PI = Math.sqrt(Math.PI / 2);
  private static final double SQRT_TWO = Math.sqrt(2);

  private LogExpectedImprovement() {}

  static double value(double mean, double variance, double best) {
    double sigma = Math.sqrt(variance);
    double z = (best - mean) / sigma;
    return Math.log(sigma) + logH(z);
  }

  /** log(φ(z) + zΦ(z)). */
  static double logH(double z) {
    if (z > -1) {
      double cdf = 0.5 * Erf.erfc(-z / SQRT_TWO);
      double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      return Math.log(pdf + z * cdf);
    }
    // h(z) = φ(z) (1 − |z| erfcx(|z|/√2) √(π/2)) for z < 0; the bracket is computed as log1mexp.
    double a = -z;
    if (a > 1e6) {
      return -0.5 * z * z - LOG_SQRT_TWO_PI - 2 * Math.log(a);
    }
    double logTerm = Math.log(a * erfcx(a / SQRT_TWO) * SQRT_HALF_PI);
    return -0.5 * z * z - LOG_SQRT_TWO_PI + log1mexp(logTerm);
  }

  /** log(1 − e^x) for x < 0, accurate near 0 and far from it. */
  static double log1mexp(double x) {
    return x > -Math.log(2) ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }

  /** The scaled complementary error function e^{x²} erfc(x), for x ≥ 0. */
  static double erfcx(double x) {
    if (x < 2) {
      return Math.exp(x * x) * Erf.erfc(x);
    }
    // continued fraction: erfc(x) e^{x²} √π = 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
    double f = x;
    for (int k = 60; k >= 1; k--) {
      f = x + (k / 2.0) / f;
    }
    return 1 / (f * Math.sqrt(Math.PI));
  }
}
