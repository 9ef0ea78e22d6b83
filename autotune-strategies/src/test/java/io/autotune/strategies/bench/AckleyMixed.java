package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * functions_dev.py's mixed space: Ackley on five coordinates (x0..x2 real, x3 and x4 integers)
 * whose optimum moves with a categorical choice {@code shift}, plus a bias per category. Optimum 0
 * at shift "b" and x = 5.
 */
final class AckleyMixed {
  static final SearchSpace SPACE =
      SearchSpace.builder()
          .real("x0", -32.768, 32.768)
          .real("x1", -32.768, 32.768)
          .real("x2", -32.768, 32.768)
          .integer("x3", -32, 32)
          .integer("x4", -32, 32)
          .choice("shift", "a", "b", "c", "d")
          .build();

  private static final Map<String, Double> SHIFT = Map.of("a", 0.0, "b", 5.0, "c", -8.0, "d", 12.0);
  private static final Map<String, Double> BIAS = Map.of("a", 0.5, "b", 0.0, "c", 1.0, "d", 2.0);

  private AckleyMixed() {}

  static OptionalDouble evaluate(Configuration p) {
    String c = (String) p.get("shift");
    double[] z = LiteratureFunctions.coordinates(p, 5);
    for (int i = 0; i < z.length; i++) {
      z[i] -= SHIFT.get(c);
    }
    return OptionalDouble.of(LiteratureFunctions.ackley(z) + BIAS.get(c));
  }
}
