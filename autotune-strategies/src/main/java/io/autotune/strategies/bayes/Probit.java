package io.autotune.strategies.bayes;

import org.hipparchus.special.Erf;

/** The standard normal distribution where its tails need care. Stateless. */
final class Probit {
  private static final double SQRT_TWO = Math.sqrt(2);
  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

  private Probit() {}

  /** log Φ(z), finite for any finite z. */
  static double logCdf(double z) {
    if (z > -5) {
      return Math.log(0.5 * Erf.erfc(-z / SQRT_TWO));
    }
    return Math.log(0.5 * LogExpectedImprovement.erfcx(-z / SQRT_TWO)) - 0.5 * z * z;
  }

  /** φ(z)/Φ(z), the inverse Mills ratio, without 0/0 in the far left tail. */
  static double pdfOverCdf(double z) {
    if (z >= 0) {
      return Math.exp(-0.5 * z * z) / SQRT_TWO_PI / (0.5 * Erf.erfc(-z / SQRT_TWO));
    }
    return 2 / (SQRT_TWO_PI * LogExpectedImprovement.erfcx(-z / SQRT_TWO));
  }

  /** Φ⁻¹(p) for p in (0, 1). */
  static double quantile(double p) {
    return SQRT_TWO * Erf.erfInv(2 * p - 1);
  }
}
