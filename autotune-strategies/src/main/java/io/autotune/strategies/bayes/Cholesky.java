package io.autotune.strategies.bayes;

/**
 * Cholesky factorisation of small dense symmetric matrices stored row-major in a flat array. Hand
 * written because the Gaussian process factors one such matrix per likelihood evaluation, and a
 * flat array avoids the allocation and bounds of a general matrix library. Stateless.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * Replaces the lower triangle of {@code a} (n by n) with L such that L Lᵀ = a.
   *
   * @return false when the matrix is not numerically positive definite
   */
  static boolean factor(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      int rowJ = j * n;
      double d = a[rowJ + j];
      for (int k = 0; k < j; k++) {
        d -= a[rowJ + k] * a[rowJ + k];
      }
      if (!(d > 0)) {
        return false;
      }
      double ljj = Math.sqrt(d);
      a[rowJ + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        int rowI = i * n;
        double s = a[rowI + j];
        for (int k = 0; k < j; k++) {
          s -= a[rowI + k] * a[rowJ + k];
        }
        a[rowI + j] = s / ljj;
      }
    }
    return true;
  }

  /** Solves L z = b in place (forward substitution). */
  static void solveLower(double[] l, int n, double[] b) {
    for (int i = 0; i < n; i++) {
      int row = i * n;
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[row + k] * b[k];
      }
      b[i] = s / l[row + i];
    }
  }

  /** Solves Lᵀ z = b in place (backward substitution). */
  static void solveUpper(double[] l, int n, double[] b) {
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * b[k];
      }
      b[i] = s / l[i * n + i];
    }
  }

  /** Sum of the logs of the diagonal: half the log determinant of L Lᵀ. */
  static double halfLogDet(double[] l, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.log(l[i * n + i]);
    }
    return s;
  }
}
