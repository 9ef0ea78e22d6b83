package io.autotune.strategies.bayes;

/**
 * The negative log marginal likelihood of (x, y) under the kernel, as a function of the
 * hyperparameters. Pairwise per-parameter distances are computed once, so each evaluation costs one
 * kernel matrix assembly and one Cholesky factorisation. Not thread-safe (reuses its buffer).
 */
final class MarginalLikelihood {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private final int n;
  private final int groups;
  private final double[] distances;
  private final double[] y;
  private final double[] matrix;

  MarginalLikelihood(Kernel kernel, double[][] x, double[] y) {
    this.n = x.length;
    this.groups = kernel.groups();
    this.y = y.clone();
    this.distances = new double[n * (n - 1) / 2 * groups];
    this.matrix = new double[n * n];
    int offset = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        kernel.distances(x[i], x[j], distances, offset);
        offset += groups;
      }
    }
  }

  double negativeLog(Hyperparameters h) {
    double[] inv = h.inverseSquaredLengths();
    double signal = h.signalVariance();
    int offset = 0;
    for (int i = 0; i < n; i++) {
      int row = i * n;
      for (int j = 0; j < i; j++) {
        double r2 = 0;
        for (int k = 0; k < groups; k++) {
          r2 += distances[offset + k] * inv[k];
        }
        offset += groups;
        matrix[row + j] = signal * Kernel.correlation(r2);
      }
      matrix[row + i] = signal + h.noiseVariance() + 1e-9 * signal;
    }
    if (!Cholesky.factor(matrix, n)) {
      return 1e10;
    }
    double[] alpha = y.clone();
    Cholesky.solveLower(matrix, n, alpha);
    double fit = 0;
    for (double a : alpha) {
      fit += a * a;
    }
    return 0.5 * fit + Cholesky.halfLogDet(matrix, n) + n * HALF_LOG_TWO_PI;
  }
}
