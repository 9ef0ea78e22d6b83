package io.autotune.strategies.bayes;

import java.util.Arrays;

/**
 * Turns losses into the values the Gaussian process models. Losses worse than the median are
 * compressed logarithmically, so that a few disastrous experiments (an SLO penalty that explodes)
 * do not flatten the differences among good ones that the search must resolve; the good half stays
 * linear. The result is standardised to mean 0 and variance 1. Stateless.
 */
final class OutputWarping {
  private OutputWarping() {}

  static double[] apply(double[] losses) {
    int n = losses.length;
    if (n == 0) {
      return new double[0];
    }
    double[] sorted = losses.clone();
    Arrays.sort(sorted);
    double median = quantile(sorted, 0.5);
    double scale = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.349;
    if (!(scale > 0)) {
      scale = (sorted[n - 1] - sorted[0]) / 2;
    }
    if (!(scale > 0)) {
      return new double[n];
    }
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double u = (losses[i] - median) / scale;
      z[i] = u > 0 ? Math.log1p(u) : u;
    }
    return standardise(z);
  }

  static double[] standardise(double[] z) {
    double mean = Arrays.stream(z).average().orElse(0);
    double var = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / z.length;
    double sd = var > 0 ? Math.sqrt(var) : 1;
    return Arrays.stream(z).map(v -> (v - mean) / sd).toArray();
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lo = (int) Math.floor(position);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
  }
}
