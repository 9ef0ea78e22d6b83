package io.autotune.strategies.bench;

import java.util.Comparator;
import java.util.List;

/** The hypervolume of two minimised objectives, as functions_mo.py's hypervolume_2d. Stateless. */
final class Hypervolume {
  private Hypervolume() {}

  /** The area dominated by {@code points} inside the box below {@code reference}. */
  static double of2d(List<List<Double>> points, double[] reference) {
    List<List<Double>> inside =
        points.stream()
            .filter(p -> p.get(0) < reference[0] && p.get(1) < reference[1])
            .sorted(
                Comparator.comparingDouble((List<Double> p) -> p.get(0))
                    .thenComparingDouble(p -> p.get(1)))
            .toList();
    double area = 0;
    double bestSecond = reference[1];
    for (List<Double> p : inside) {
      if (p.get(1) < bestSecond) {
        area += (reference[0] - p.get(0)) * (bestSecond - p.get(1));
        bestSecond = p.get(1);
      }
    }
    return area;
  }
}
