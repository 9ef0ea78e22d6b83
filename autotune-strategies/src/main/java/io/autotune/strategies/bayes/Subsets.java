package io.autotune.strategies.bayes;

import java.util.Arrays;
import java.util.List;

/**
 * Deterministic subsets that keep the O(n³) parts of a proposal bounded late in a long task. Each
 * keeps the best half of its budget (where the search works) and spreads the rest evenly over the
 * others. Stateless.
 */
final class Subsets {
  private Subsets() {}

  /** Indices of at most {@code max} points, given their standardised losses. */
  static int[] bestAndSpread(double[] y, int max) {
    int n = y.length;
    if (n <= max) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(y[a], y[b]));
    int keepBest = max / 2;
    double stride = (n - keepBest) / (double) (max - keepBest);
    int[] chosen = new int[max];
    for (int i = 0; i < max; i++) {
      chosen[i] = i < keepBest ? order[i] : order[keepBest + (int) ((i - keepBest) * stride)];
    }
    return chosen;
  }

  /** The last {@code max} elements (the most recent experiments). */
  static <T> List<T> last(List<T> list, int max) {
    return list.subList(Math.max(0, list.size() - max), list.size());
  }

  static double[][] rows(double[][] x, int[] indices) {
    return Arrays.stream(indices).mapToObj(i -> x[i]).toArray(double[][]::new);
  }

  static double[] values(double[] y, int[] indices) {
    return Arrays.stream(indices).mapToDouble(i -> y[i]).toArray();
  }
}
