package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.OptionalDouble;

/** The 6-dimensional Hartmann function, as in functions.py. */
final class Hartmann6 {
  static final SearchSpace SPACE = space();

  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886},
    {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650},
    {4047, 8828, 8732, 5743, 1091, 381}
  };
  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

  private Hartmann6() {}

  static OptionalDouble evaluate(Configuration p) {
    double[] x = new double[6];
    for (int j = 0; j < 6; j++) {
      x[j] = p.getDouble("x" + j);
    }
    double total = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 6; j++) {
        double d = x[j] - P[i][j] * 1e-4;
        inner += A[i][j] * (d * d);
      }
      total += ALPHA[i] * Math.exp(-inner);
    }
    return OptionalDouble.of(-total);
  }

  private static SearchSpace space() {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 0; i < 6; i++) {
      builder.real("x" + i, 0, 1);
    }
    return builder.build();
  }
}
