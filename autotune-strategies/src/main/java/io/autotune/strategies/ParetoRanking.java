package io.autotune.strategies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders points of several losses (lower is better) from best to worst as NSGA-II does: by
 * non-dominated front, and within a front by crowding distance, the most isolated first, so that
 * the best few of the order spread along the Pareto front instead of bunching at one end.
 * Stateless.
 */
final class ParetoRanking {
  private ParetoRanking() {}

  /** Indices of {@code points}, best first. */
  static List<Integer> order(List<double[]> points) {
    List<Integer> order = new ArrayList<>();
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      left.add(i);
    }
    while (!left.isEmpty()) {
      List<Integer> front = new ArrayList<>();
      for (int i : left) {
        if (left.stream().noneMatch(j -> dominates(points.get(j), points.get(i)))) {
          front.add(i);
        }
      }
      order.addAll(byCrowding(front, points));
      left.removeAll(front);
    }
    return order;
  }

  static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] > b[k]) {
        return false;
      }
      better |= a[k] < b[k];
    }
    return better;
  }

  private static List<Integer> byCrowding(List<Integer> front, List<double[]> points) {
    double[] distance = new double[points.size()];
    int objectives = points.get(front.get(0)).length;
    for (int k = 0; k < objectives; k++) {
      int objective = k;
      List<Integer> sorted = new ArrayList<>(front);
      sorted.sort(Comparator.comparingDouble(i -> points.get(i)[objective]));
      double range = points.get(sorted.get(sorted.size() - 1))[k] - points.get(sorted.get(0))[k];
      distance[sorted.get(0)] = Double.POSITIVE_INFINITY;
      distance[sorted.get(sorted.size() - 1)] = Double.POSITIVE_INFINITY;
      for (int s = 1; s < sorted.size() - 1 && range > 0; s++) {
        distance[sorted.get(s)] +=
            (points.get(sorted.get(s + 1))[k] - points.get(sorted.get(s - 1))[k]) / range;
      }
    }
    List<Integer> ordered = new ArrayList<>(front);
    // ties (the two ends of every objective) keep the history's order
    ordered.sort(Comparator.comparingDouble((Integer i) -> -distance[i]).thenComparingInt(i -> i));
    return ordered;
  }
}
