package io.autotune.strategies.bayes;

/**
 * The posterior of a zero-mean Gaussian process on the standardised output, for fixed
 * hyperparameters: one Cholesky factorisation, then O(n²) per prediction. Immutable once built;
 * predictions are thread-safe.
 */
final class GaussianProcess {
  private final Kernel kernel;
  private final double[][] x;
  private final double signalVariance;
  private final double[] inverseSquaredLengths;
  private final double[] factor;
  private final double[] alpha;

  private GaussianProcess(
      Kernel kernel, double[][] x, Hyperparameters h, double[] factor, double[] alpha) {
    this.kernel = kernel;
    this.x = x;
    this.signalVariance = h.signalVariance();
    this.inverseSquaredLengths = h.inverseSquaredLengths();
    this.factor = factor;
    this.alpha = alpha;
  }

  /** Conditions the prior on (x, y); adds jitter to the diagonal if the factorisation needs it. */
  static GaussianProcess fit(Kernel kernel, double[][] x, double[] y, Hyperparameters h) {
    int n = x.length;
    double[] inv = h.inverseSquaredLengths();
    double[] base = new double[n * n];
    for (int i = 0; i < n; i++) {
      base[i * n + i] = h.signalVariance() + h.noiseVariance();
      for (int j = 0; j < i; j++) {
        double k = h.signalVariance() * Kernel.correlation(kernel.scaledDistance(x[i], x[j], inv));
        base[i * n + j] = k;
        base[j * n + i] = k;
      }
    }
    double jitter = 0;
    while (true) {
      double[] a = base.clone();
      for (int i = 0; i < n; i++) {
        a[i * n + i] += jitter;
      }
      if (Cholesky.factor(a, n)) {
        double[] alpha = y.clone();
        Cholesky.solveLower(a, n, alpha);
        Cholesky.solveUpper(a, n, alpha);
        return new GaussianProcess(kernel, x, h, a, alpha);
      }
      jitter = jitter == 0 ? 1e-9 * h.signalVariance() : jitter * 10;
    }
  }

  /** Posterior mean and variance of the latent function at {@code point}, into out[0], out[1]. */
  void predict(double[] point, double[] out) {
    int n = x.length;
    double[] k = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      k[i] =
          signalVariance
              * Kernel.correlation(kernel.scaledDistance(point, x[i], inverseSquaredLengths));
      mean += k[i] * alpha[i];
    }
    Cholesky.solveLower(factor, n, k);
    double explained = 0;
    for (int i = 0; i < n; i++) {
      explained += k[i] * k[i];
    }
    out[0] = mean;
    out[1] = Math.max(signalVariance - explained, 1e-12 * signalVariance);
  }

  /** Posterior mean alone: O(n), without the variance's triangular solve. */
  double mean(double[] point) {
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      mean +=
          signalVariance
              * Kernel.correlation(kernel.scaledDistance(point, x[i], inverseSquaredLengths))
              * alpha[i];
    }
    return mean;
  }
}
