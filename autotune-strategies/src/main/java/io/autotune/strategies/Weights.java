package io.autotune.strategies;

import java.util.random.RandomGenerator;

/** Component weights of a Parzen mixture, and picking an index by weight. */
final class Weights {
  /** Observations beyond this many, counted from the newest, weigh less (Optuna's default). */
  private static final int FLAT = 25;

  private Weights() {}

  /**
   * Normalised weights of n observations (oldest first) followed by the prior: the newest 25 weigh
   * 1, older ones ramp linearly from 1/n up to 1, and the prior weighs {@code prior}.
   */
  static double[] components(int n, double prior) {
    double[] w = new double[n + 1];
    int ramp = n < FLAT ? 0 : n - FLAT;
    for (int i = 0; i < n; i++) {
      w[i] = i < ramp ? linspace(1.0 / n, 1.0, ramp, i) : 1.0;
    }
    w[n] = prior;
    double total = 0;
    for (double v : w) {
      total += v;
    }
    for (int i = 0; i <= n; i++) {
      w[i] /= total;
    }
    return w;
  }

  private static double linspace(double from, double to, int count, int i) {
    return count == 1 ? from : from + (to - from) * i / (count - 1);
  }

  static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }

  /** An index drawn with probability proportional to its weight. */
  static int pick(double[] cumulative, RandomGenerator random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }
}
