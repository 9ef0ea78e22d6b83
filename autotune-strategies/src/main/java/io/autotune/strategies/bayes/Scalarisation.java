package io.autotune.strategies.bayes;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * ParEGO's answer to several objectives (Knowles 2006): each proposal models one augmented
 * Chebyshev scalarisation {@code max_i(w_i·f_i) + 0.05·Σ w_i·f_i} with weights drawn uniformly from
 * the simplex, so that successive proposals aim at different parts of the Pareto front. Each
 * objective is first put on the log scale of {@link OutputWarping#logMagnitudes} (which keeps
 * Pareto dominance: the map is monotone) and normalised to [0, 1] over the successes. One objective
 * passes through unchanged and draws nothing from the generator, so one-objective proposals are
 * exactly those of the plain strategy. Stateless.
 */
final class Scalarisation {
  private static final double AUGMENTATION = 0.05;

  private Scalarisation() {}

  /** One loss per success; {@code objectives} holds each success's losses. */
  static double[] of(List<List<Double>> objectives, RandomGenerator random) {
    int n = objectives.size();
    int k = objectives.stream().mapToInt(List::size).min().orElse(1);
    if (k == 1) {
      return objectives.stream().mapToDouble(l -> l.get(0)).toArray();
    }
    double[] weights = simplexPoint(k, random);
    double[] scalar = new double[n];
    Arrays.fill(scalar, Double.NEGATIVE_INFINITY);
    double[] sum = new double[n];
    for (int j = 0; j < k; j++) {
      int objective = j;
      double[] f = normalised(objectives.stream().mapToDouble(l -> l.get(objective)).toArray());
      for (int i = 0; i < n; i++) {
        scalar[i] = Math.max(scalar[i], weights[j] * f[i]);
        sum[i] += weights[j] * f[i];
      }
    }
    for (int i = 0; i < n; i++) {
      scalar[i] += AUGMENTATION * sum[i];
    }
    return scalar;
  }

  /** Uniform on the simplex: normalised exponential draws. */
  static double[] simplexPoint(int k, RandomGenerator random) {
    double[] w = new double[k];
    double total = 0;
    for (int j = 0; j < k; j++) {
      w[j] = -Math.log(1 - random.nextDouble());
      total += w[j];
    }
    for (int j = 0; j < k; j++) {
      w[j] /= total;
    }
    return w;
  }

  private static double[] normalised(double[] values) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    double range = max - min;
    return Arrays.stream(values).map(v -> range > 0 ? (v - min) / range : 0).toArray();
  }
}
