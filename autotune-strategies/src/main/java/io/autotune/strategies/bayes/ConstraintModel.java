package io.autotune.strategies.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The probability that a point meets every constraint of the task (each value at most 0): one
 * Gaussian process per constraint, fitted to the constraint's values at the successes, and the
 * product of the per-constraint probabilities {@code Φ(−μ/σ)} (Gardner et al. 2014, as BoTorch's
 * constrained expected improvement). Values are modelled, not just feasible/infeasible labels, so
 * that "a little over the SLO" and "far over it" teach the model different things. Immutable and
 * thread-safe.
 */
final class ConstraintModel {
  private final List<GaussianProcess> models;
  private final double[] zeros;

  private ConstraintModel(List<GaussianProcess> models, double[] zeros) {
    this.models = models;
    this.zeros = zeros;
  }

  /**
   * Fits one process per column of {@code values} (one row per point of {@code x}), each as one of
   * {@code modelCount} processes of the proposal ({@link SurrogateModel#fit}).
   */
  static ConstraintModel fit(
      Kernel kernel,
      double[][] x,
      double[][] values,
      int count,
      int modelCount,
      RandomGenerator random) {
    List<GaussianProcess> models = new ArrayList<>();
    double[] zeros = new double[count];
    for (int j = 0; j < count; j++) {
      double[] c = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        c[i] = values[i][j];
      }
      double mean = Arrays.stream(c).average().orElse(0);
      double sd = Math.sqrt(Arrays.stream(c).map(v -> (v - mean) * (v - mean)).sum() / c.length);
      double scale = sd > 0 ? sd : Math.max(Math.abs(mean), 1);
      double[] z = Arrays.stream(c).map(v -> (v - mean) / scale).toArray();
      zeros[j] = -mean / scale;
      Hyperparameters h = SurrogateModel.fit(kernel, x, z, random, modelCount);
      models.add(GaussianProcess.fit(kernel, x, z, h));
    }
    return new ConstraintModel(models, zeros);
  }

  /** log P(every constraint holds at {@code point}). */
  double logProbability(double[] point) {
    double[] meanVariance = new double[2];
    double log = 0;
    for (int j = 0; j < models.size(); j++) {
      models.get(j).predict(point, meanVariance);
      log += Probit.logCdf((zeros[j] - meanVariance[0]) / Math.sqrt(meanVariance[1]));
    }
    return log;
  }
}
