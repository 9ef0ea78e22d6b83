package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.OptionalDouble;

/** Branin, as in functions.py (operation order kept, for equal rounding). */
final class Branin {
  static final SearchSpace SPACE = SearchSpace.builder().real("x", -5, 10).real("y", 0, 15).build();

  private Branin() {}

  static OptionalDouble evaluate(Configuration p) {
    double x = p.getDouble("x");
    double y = p.getDouble("y");
    double b = 5.1 / (4 * Math.pow(Math.PI, 2));
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double first = y - b * x * x + c * x - 6;
    return OptionalDouble.of(first * first + 10 * (1 - t) * Math.cos(x) + 10);
  }
}
