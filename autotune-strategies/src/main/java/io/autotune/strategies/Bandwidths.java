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
    double[] sorted = new double[n + 2];
    System.arraycopy(mus, 0, sorted, 1, n);
    sorted[0] = 0;
    sorted[n + 1] = 1;
    Arrays.sort(sorted, 1, n + 1);
    double[] sortedSigmas = new double[n];
    for (int i = 0; i < n; i++) {
      sortedSigmas[i] = Math.max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
    }
    if (n >= 2) {
      sortedSigmas[0] = sorted[2] - sorted[1];
      sortedSigmas[n - 1] = sorted[n] - sorted[n - 1];
    }
    return unsort(mus, sorted, sortedSigmas);
  }

  /** Gives each mu the width of its sorted position; equal mus take consecutive positions. */
  private static double[] unsort(double[] mus, double[] sorted, double[] sortedSigmas) {
    boolean[] used = new boolean[mus.length];
    double[] sigmas = new double[mus.length];
    for (int i = 0; i < mus.length; i++) {
      int position = lowerBound(sorted, 1, mus.length + 1, mus[i]) - 1;
      while (used[position]) {
        position++;
      }
      used[position] = true;
      sigmas[i] = sortedSigmas[position];
    }
    return sigmas;
  }

  private static int lowerBound(double[] a, int from, int to, double key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
