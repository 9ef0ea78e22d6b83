package io.autotune.strategies.bayes;

/**
 * The negative log marginal likelihood of (x, y) under the kernel and its gradient with respect to
 * the log hyperparameters (log length scales, log signal variance, log noise variance). Pairwise
 * per-parameter distances are computed once, so each evaluation costs one kernel assembly, one
 * Cholesky factorisation and, for the gradient, one triangular inverse. Not thread-safe (reuses its
 * buffers).
 */
final class MarginalLikelihood {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double FAILED = 1e10;
  private final int n;
  private final int groups;
  private final double[] distances;
  private final double[] y;
  private final double[] matrix;
  private final double[] slopes;
  private final double[] inverse;

  MarginalLikelihood(Kernel kernel, double[][] x, double[] y) {
    this.n = x.length;
    this.groups = kernel.groups();
    this.y = y.clone();
    this.distances = new double[n * (n - 1) / 2 * groups];
    this.slopes = new double[n * (n - 1) / 2];
    this.matrix = new double[n * n];
    this.inverse = new double[n * n];
    int offset = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        kernel.distances(x[i], x[j], distances, offset);
        offset += groups;
      }
    }
  }

  /** The value at {@code theta}; the gradient too when {@code gradient} is not null. */
  double negativeLog(double[] theta, double[] gradient) {
    Hyperparameters h = Hyperparameters.fromLog(theta);
    double[] inv = h.inverseSquaredLengths();
    double signal = h.signalVariance();
    assemble(inv, signal, h.noiseVariance());
    if (!Cholesky.factor(matrix, n)) {
      if (gradient != null) {
        java.util.Arrays.fill(gradient, 0);
      }
      return FAILED;
    }
    double[] alpha = y.clone();
    Cholesky.solveLower(matrix, n, alpha);
    double fit = 0;
    for (double a : alpha) {
      fit += a * a;
    }
    double value = 0.5 * fit + Cholesky.halfLogDet(matrix, n) + n * HALF_LOG_TWO_PI;
    if (gradient != null) {
      Cholesky.solveUpper(matrix, n, alpha);
      gradient(alpha, inv, signal, h.noiseVariance(), gradient);
    }
    return value;
  }

  private void assemble(double[] inv, double signal, double noise) {
    int offset = 0;
    int pair = 0;
    for (int i = 0; i < n; i++) {
      int row = i * n;
      for (int j = 0; j < i; j++) {
        double r2 = 0;
        for (int k = 0; k < groups; k++) {
          r2 += distances[offset + k] * inv[k];
        }
        offset += groups;
        double s = Math.sqrt(5.0 * r2);
        double e = Math.exp(-s);
        double k = signal * (1.0 + s + s * s / 3.0) * e;
        matrix[row + j] = k;
        matrix[j * n + i] = k; // the factorisation reads only the lower triangle
        // d K_ij / d log l_k = slope * d_k / l_k², with slope = σ² (5/3)(1 + s) e^{-s}
        slopes[pair++] = signal * (5.0 / 3.0) * (1.0 + s) * e;
      }
      matrix[row + i] = signal + noise + 1e-9 * signal;
    }
  }

  /** ½ tr(W ∂K/∂θ) with W = K⁻¹ − ααᵀ, for every log hyperparameter θ. */
  private void gradient(double[] alpha, double[] inv, double signal, double noise, double[] out) {
    invertFactor();
    java.util.Arrays.fill(out, 0);
    int offset = 0;
    int pair = 0;
    double diagonal = 0;
    double signalPart = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double w = inverseEntry(i, j) - alpha[i] * alpha[j];
        double slope = w * slopes[pair++];
        for (int k = 0; k < groups; k++) {
          out[k] += slope * distances[offset + k] * inv[k];
        }
        offset += groups;
        signalPart += w * kernelEntry(i, j);
      }
      diagonal += inverseEntry(i, i) - alpha[i] * alpha[i];
    }
    out[groups] = signalPart + 0.5 * diagonal * signal;
    out[groups + 1] = 0.5 * diagonal * noise;
  }

  /** K_ij for i > j, kept in the upper triangle that the factorisation leaves alone. */
  private double kernelEntry(int i, int j) {
    return matrix[j * n + i];
  }

  /**
   * Writes U = L⁻ᵀ into the upper triangle of {@code inverse}, row by row, so that the entries of
   * K⁻¹ = U Uᵀ are dot products of contiguous rows.
   */
  private void invertFactor() {
    double[] z = new double[n];
    for (int j = 0; j < n; j++) {
      z[j] = 1 / matrix[j * n + j];
      for (int i = j + 1; i < n; i++) {
        int row = i * n;
        double s = 0;
        for (int k = j; k < i; k++) {
          s -= matrix[row + k] * z[k];
        }
        z[i] = s / matrix[row + i];
      }
      System.arraycopy(z, j, inverse, j * n + j, n - j);
    }
  }

  /** (K⁻¹)_ij for i ≥ j, as Σ_{k ≥ i} U_ik U_jk. */
  private double inverseEntry(int i, int j) {
    double s = 0;
    int rowI = i * n;
    int rowJ = j * n;
    for (int k = i; k < n; k++) {
      s += inverse[rowI + k] * inverse[rowJ + k];
    }
    return s;
  }
}
