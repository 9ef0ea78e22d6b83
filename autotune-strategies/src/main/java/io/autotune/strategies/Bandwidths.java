package io.autotune.strategies;

import java.util.Arrays;

/** Kernel widths of a Parzen mixture's numeric components, on the unit interval. */
final class Bandwidths {
  private static final double SIGMA0 = 0.2;

  private Bandwidths() {}

  /** One width for all components: 0.2 * shrink (Optuna's multivariate rule, Scott-like). */
  static double[] scott(int components, double shrink) {
    double[] sigmas = new double[components];
    Arrays.fill(sigmas, SIGMA0 * shrink);
    return sigmas;
  }

  /**
   * Each component as wide as the larger gap to its sorted neighbours (Optuna's univariate rule,
   * with the end points of [0, 1] as neighbours only when there are too few observations).
   */
  static double[] neighbours(double[] mus) {
    int n = mus.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(mus[a], mus[b]));
    double[] sorted = new double[n + 2];
    sorted[0] = 0;
    sorted[n + 1] = 1;
    for (int i = 0; i < n; i++) {
      sorted[i + 1] = mus[order[i]];
    }
    double[] sortedSigmas = new double[n];
    for (int i = 0; i < n; i++) {
      sortedSigmas[i] = Math.max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
    }
    if (n >= 2) {
      sortedSigmas[0] = sorted[2] - sorted[1];
      sortedSigmas[n - 1] = sorted[n] - sorted[n - 1];
    }
    double[] sigmas = new double[n];
    for (int i = 0; i < n; i++) {
      sigmas[order[i]] = sortedSigmas[i];
    }
    return sigmas;
  }
}
