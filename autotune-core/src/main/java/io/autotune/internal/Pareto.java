package io.autotune.internal;

import java.util.List;

/** Pareto dominance of loss vectors (lower is better), shared by Study and the task's ranking. */
public final class Pareto {
  private Pareto() {}

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
