package io.autotune.strategies.bayes;

import java.util.List;

/**
 * Matérn 5/2 kernel with one length scale per parameter (ARD). A numeric parameter contributes its
 * squared difference; a choice contributes 1 when the categories differ and 0 when they agree, so
 * every pair of categories is equally far apart (an exchangeable categorical kernel over the
 * one-hot block). Immutable and thread-safe.
 */
final class Kernel {
  private final int[] start;
  private final int[] size;
  private final boolean[] categorical;

  Kernel(List<SpaceEncoding.Group> groups) {
    int g = groups.size();
    start = new int[g];
    size = new int[g];
    categorical = new boolean[g];
    for (int k = 0; k < g; k++) {
      start[k] = groups.get(k).start();
      size[k] = groups.get(k).size();
      categorical[k] = groups.get(k).categorical();
    }
  }

  int groups() {
    return start.length;
  }

  /** Per-parameter squared distances between two points, written to {@code out[offset..]}. */
  void distances(double[] a, double[] b, double[] out, int offset) {
    for (int k = 0; k < start.length; k++) {
      int s = start[k];
      if (categorical[k]) {
        double d = 0;
        for (int j = s; j < s + size[k]; j++) {
          double diff = a[j] - b[j];
          d += diff * diff;
        }
        out[offset + k] = 0.5 * d;
      } else {
        double diff = a[s] - b[s];
        out[offset + k] = diff * diff;
      }
    }
  }

  /** Scaled squared distance Σ d_k / ℓ_k² given the inverse squared length scales. */
  double scaledDistance(double[] a, double[] b, double[] inverseSquaredLengths) {
    double r2 = 0;
    for (int k = 0; k < start.length; k++) {
      int s = start[k];
      double d;
      if (categorical[k]) {
        d = 0;
        for (int j = s; j < s + size[k]; j++) {
          double diff = a[j] - b[j];
          d += diff * diff;
        }
        d *= 0.5;
      } else {
        double diff = a[s] - b[s];
        d = diff * diff;
      }
      r2 += d * inverseSquaredLengths[k];
    }
    return r2;
  }

  /** The Matérn 5/2 correlation at scaled squared distance {@code r2}. */
  static double correlation(double r2) {
    double s = Math.sqrt(5.0 * r2);
    return (1.0 + s + s * s / 3.0) * Math.exp(-s);
  }
}
