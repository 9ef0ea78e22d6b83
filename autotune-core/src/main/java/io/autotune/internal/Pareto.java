package io.autotune.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** Pareto dominance of loss vectors (lower is better), shared by Study and the task's ranking. */
public final class Pareto {
  private Pareto() {}

  /**
   * The items whose losses no other item's dominate, in their given order. Sorted by their losses
   * lexicographically, an item can only be dominated by one before it, and only checking the front
   * found so far is enough (whatever dominates an item off the front is itself dominated by one on
   * it): O(n log n + n · front) instead of comparing every pair. Losses must not be NaN.
   */
  public static <T> List<T> front(List<T> items, Function<? super T, List<Double>> losses) {
    List<List<Double>> all = items.stream().<List<Double>>map(losses).toList();
    Integer[] order = new Integer[items.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> lexicographic(all.get(a), all.get(b)));
    List<Integer> front = new ArrayList<>();
    for (int i : order) {
      List<Double> mine = all.get(i);
      if (front.stream().noneMatch(f -> dominates(all.get(f), mine))) {
        front.add(i);
      }
    }
    Collections.sort(front);
    return front.stream().map(items::get).toList();
  }

  private static int lexicographic(List<Double> a, List<Double> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Double.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Whether {@code a} is at least as good as {@code b} in every loss and better in one. */
  public static boolean dominates(List<Double> a, List<Double> b) {
    boolean better = false;
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) > b.get(i)) {
        return false;
      }
      better |= a.get(i) < b.get(i);
    }
    return better;
  }
}
