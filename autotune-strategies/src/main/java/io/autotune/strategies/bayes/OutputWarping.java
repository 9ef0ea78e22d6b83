package io.autotune.strategies.bayes;

import java.util.Arrays;

/**
 * Turns losses into the values the Gaussian process models. First losses go on a log scale when
 * they have one sign ({@link #logMagnitudes}). Then losses worse than the median are compressed
 * logarithmically, so that a few disastrous experiments (an SLO penalty that explodes) do not
 * flatten the differences among good ones that the search must resolve; the good half stays linear.
 * The result is standardised to mean 0 and variance 1. Stateless.
 */
final class OutputWarping {
  private OutputWarping() {}

  static double[] apply(double[] rawLosses) {
    int n = rawLosses.length;
    if (n == 0) {
      return new double[0];
    }
    double[] losses = logMagnitudes(rawLosses);
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

  /**
   * Losses as logarithms of their magnitudes, in the same order: {@code log(loss)} when every loss
   * is positive (a latency minimised), {@code -log(-loss)} when the best and the median loss are
   * negative (a throughput maximised has loss −throughput). Serving metrics are ratios to zero
   * whose causes multiply (throughput ∝ batch^a · policy gain · ...); on the log scale the effects
   * add, which a GP with a length scale per parameter fits from far fewer experiments. Losses of
   * the other sign (an SLO penalty that pushed a throughput below zero) keep their order above the
   * worst of the rest. Unchanged when the losses straddle zero (an objective without a natural
   * zero).
   */
  static double[] logMagnitudes(double[] losses) {
    double[] sorted = losses.clone();
    Arrays.sort(sorted);
    if (sorted[0] > 0) {
      return Arrays.stream(losses).map(Math::log).toArray();
    }
    if (!(sorted[0] < 0 && quantile(sorted, 0.5) < 0)) {
      return losses.clone();
    }
    double worst =
        Arrays.stream(losses).filter(l -> l < 0).map(l -> -Math.log(-l)).max().orElseThrow();
    double best = -sorted[0];
    return Arrays.stream(losses)
        .map(l -> l < 0 ? -Math.log(-l) : worst + Math.log1p(1 + l / best))
        .toArray();
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
