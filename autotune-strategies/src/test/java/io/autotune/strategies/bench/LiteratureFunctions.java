package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The standard test functions of the development suite, as in functions_dev.py (operation order
 * kept, for equal rounding). Formulas, domains and optima from Surjanovic and Bingham's Virtual
 * Library of Simulation Experiments (VLSE) unless noted.
 */
final class LiteratureFunctions {
  private static final double[][] H3_A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
  private static final double[][] H3_P = {
    {3689, 1170, 2673}, {4699, 4387, 7470}, {1091, 8732, 5547}, {381, 5743, 8828}
  };
  private static final double[] H3_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[] SHEKEL_BETA = {0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5};
  private static final double[][] SHEKEL_C = {
    {4, 1, 8, 6, 3, 2, 5, 8, 6, 7},
    {4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6},
    {4, 1, 8, 6, 3, 2, 5, 8, 6, 7},
    {4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6}
  };

  private LiteratureFunctions() {}

  /** The box [lo, hi]^d of real parameters x0 .. x(d-1). */
  static SearchSpace box(int d, double lo, double hi) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 0; i < d; i++) {
      builder.real("x" + i, lo, hi);
    }
    return builder.build();
  }

  /** A function of the vector x0 .. x(d-1) as an objective that never fails. */
  static Function<Configuration, OptionalDouble> vector(int d, ToDoubleFunction<double[]> f) {
    return p -> OptionalDouble.of(f.applyAsDouble(coordinates(p, d)));
  }

  static double[] coordinates(Configuration p, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = p.getDouble("x" + i);
    }
    return x;
  }

  /** Ackley with a = 20, b = 0.2, c = 2 pi; optimum 0 at x = 0. */
  static double ackley(double[] x) {
    double s1 = 0;
    double s2 = 0;
    for (double v : x) {
      s1 += v * v;
      s2 += Math.cos(2 * Math.PI * v);
    }
    int d = x.length;
    return -20.0 * Math.exp(-0.2 * Math.sqrt(s1 / d)) - Math.exp(s2 / d) + 20.0 + Math.E;
  }

  /** Rastrigin; optimum 0 at x = 0. */
  static double rastrigin(double[] x) {
    double total = 0;
    for (double v : x) {
      total += v * v - 10 * Math.cos(2 * Math.PI * v);
    }
    return 10 * x.length + total;
  }

  /** Levy; optimum 0 at x = 1. */
  static double levy(double[] x) {
    double[] w = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      w[i] = 1 + (x[i] - 1) / 4;
    }
    double total = square(Math.sin(Math.PI * w[0]));
    for (int i = 0; i < w.length - 1; i++) {
      total += square(w[i] - 1) * (1 + 10 * square(Math.sin(Math.PI * w[i] + 1)));
    }
    double last = w[w.length - 1];
    return total + square(last - 1) * (1 + square(Math.sin(2 * Math.PI * last)));
  }

  /** Rosenbrock; optimum 0 at x = 1. */
  static double rosenbrock(double[] x) {
    double total = 0;
    for (int i = 0; i < x.length - 1; i++) {
      total += 100 * square(x[i + 1] - square(x[i])) + square(x[i] - 1);
    }
    return total;
  }

  /** Styblinski-Tang; optimum -39.16616570377142 d at x = -2.903534... */
  static double styblinskiTang(double[] x) {
    double total = 0;
    for (double v : x) {
      total += Math.pow(v, 4) - 16 * v * v + 5 * v;
    }
    return total / 2;
  }

  /** Michalewicz with m = 10. */
  static double michalewicz(double[] x) {
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      total += Math.sin(x[i]) * Math.pow(Math.sin((i + 1) * x[i] * x[i] / Math.PI), 20);
    }
    return -total;
  }

  /** Hartmann 3-d on [0, 1]^3. */
  static double hartmann3(double[] x) {
    double total = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 3; j++) {
        inner += H3_A[i][j] * square(x[j] - H3_P[i][j] * 1e-4);
      }
      total += H3_ALPHA[i] * Math.exp(-inner);
    }
    return -total;
  }

  /** Six-hump camel on [-3, 3] x [-2, 2]. */
  static double sixHumpCamel(double[] x) {
    double x1 = x[0];
    double x2 = x[1];
    return (4 - 2.1 * x1 * x1 + Math.pow(x1, 4) / 3) * x1 * x1
        + x1 * x2
        + (-4 + 4 * x2 * x2) * x2 * x2;
  }

  /** The natural logarithm of Goldstein-Price; optimum ln 3 at (0, -1). */
  static double goldsteinPriceLog(double[] x) {
    double x1 = x[0];
    double x2 = x[1];
    double a =
        1
            + square(x1 + x2 + 1)
                * (19 - 14 * x1 + 3 * x1 * x1 - 14 * x2 + 6 * x1 * x2 + 3 * x2 * x2);
    double b =
        30
            + square(2 * x1 - 3 * x2)
                * (18 - 32 * x1 + 12 * x1 * x1 + 48 * x2 - 36 * x1 * x2 + 27 * x2 * x2);
    return Math.log(a * b);
  }

  /** Shekel with m = 10 on [0, 10]^4. */
  static double shekel10(double[] x) {
    double total = 0;
    for (int i = 0; i < 10; i++) {
      double inner = 0;
      for (int j = 0; j < 4; j++) {
        inner += square(x[j] - SHEKEL_C[j][i]);
      }
      total += 1 / (inner + SHEKEL_BETA[i]);
    }
    return -total;
  }

  /** De Jong's (1975) step function F3, the sum of floor(x): plateaus of width 1. */
  static double step(double[] x) {
    double total = 0;
    for (double v : x) {
      total += Math.floor(v);
    }
    return total;
  }

  /** Yao, Liu and Lin's (1999) step function f6, the sum of floor(x + 0.5)^2; optimum 0 at 0. */
  static double yaoStep(double[] x) {
    double total = 0;
    for (double v : x) {
      total += square(Math.floor(v + 0.5));
    }
    return total;
  }

  private static double square(double v) {
    return v * v;
  }
}
