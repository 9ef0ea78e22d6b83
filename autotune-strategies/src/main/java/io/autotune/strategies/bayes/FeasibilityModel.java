package io.autotune.strategies.bayes;

/**
 * The probability that a configuration runs at all, learnt from which experiments failed: a
 * Gaussian-process classifier with a probit link, fitted by the Laplace approximation (Rasmussen
 * and Williams, Algorithm 3.1). Deep inside a cluster of failures the probability falls towards
 * zero; far from every experiment it returns to the overall success rate. It is multiplied into the
 * acquisition, so failures shape the search without ever becoming fake scores. Immutable and
 * thread-safe.
 */
final class FeasibilityModel {
  /** Prior variance of the latent function: large enough for confident, sharp boundaries. */
  private static final double SIGNAL_VARIANCE = 16.0;

  private static final int MAX_NEWTON_STEPS = 30;

  /**
   * A length scale as wide as a parameter's range: failures then spread along the whole of it. (An
   * infinite one, "irrelevant", did better where the boundary lies in one parameter and worse on
   * serving_sim's, which lies in two; see docs/strategies.md.)
   */
  private static final double WIDE = 1.0;

  private final Kernel kernel;
  private final double[][] x;
  private final double[] inverseSquaredLengths;
  private final double priorMean;
  private final double[] gradient;
  private final double[] latent;
  private final double logEvidence;

  /**
   * The classifier whose length scales best explain the failures: starting from the objective
   * model's length scales, shortened (failure boundaries are usually sharper than the objective's
   * trend), each parameter in turn is widened to {@link #WIDE} when that raises the Laplace
   * approximation of the marginal likelihood. An out-of-memory boundary in mem-fraction-static then
   * holds at every tp-size and batch limit, instead of only near the failed configurations.
   *
   * @param x the points of finished experiments
   * @param ok whether each ran
   * @param lengthScales the objective model's length scales, one per group
   */
  static FeasibilityModel fit(Kernel kernel, double[][] x, boolean[] ok, double[] lengthScales) {
    double[] lengths = new double[lengthScales.length];
    for (int k = 0; k < lengths.length; k++) {
      lengths[k] = Math.min(0.25, Math.max(0.05, lengthScales[k]));
    }
    // what every candidate shares: the prior rate and the per-parameter distances between points
    double priorMean = priorMean(ok);
    double[] distances = pairDistances(kernel, x);
    FeasibilityModel best =
        new FeasibilityModel(kernel, x, ok, priorMean, distances, lengths, new double[x.length]);
    for (int k = 0; k < lengths.length; k++) {
      double[] trial = lengths.clone();
      trial[k] = WIDE;
      // Newton starts from the current latent values, which are close
      FeasibilityModel candidate =
          new FeasibilityModel(kernel, x, ok, priorMean, distances, trial, best.latent);
      if (candidate.logEvidence > best.logEvidence) {
        best = candidate;
        lengths = trial;
      }
    }
    return best;
  }

  private FeasibilityModel(
      Kernel kernel,
      double[][] x,
      boolean[] ok,
      double priorMean,
      double[] distances,
      double[] lengths,
      double[] start) {
    this.kernel = kernel;
    this.x = x;
    this.priorMean = priorMean;
    int n = x.length;
    inverseSquaredLengths = new double[lengths.length];
    for (int k = 0; k < lengths.length; k++) {
      inverseSquaredLengths[k] = 1 / (lengths[k] * lengths[k]);
    }
    double[] k = covariance(distances);
    double[] f = start.clone();
    double[] a = new double[n];
    double[] grad = new double[n];
    double[] root = new double[n];
    double[] l = new double[n * n];
    for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
      likelihoodDerivatives(f, ok, grad, root);
      a = newtonStep(k, f, grad, root, l);
      double[] fNew = multiply(k, a);
      double change = 0;
      for (int i = 0; i < n; i++) {
        change = Math.max(change, Math.abs(fNew[i] - f[i]));
      }
      f = fNew;
      if (change < 1e-4) {
        break;
      }
    }
    this.latent = f;
    this.logEvidence = logEvidence(f, a, ok, l);
    likelihoodDerivatives(f, ok, grad, root);
    this.gradient = grad;
  }

  /**
   * The Laplace approximation of log p(ok | x): −½ aᵀf + Σ log Φ(y (m + f)) − Σ log L_ii (Rasmussen
   * and Williams, Algorithm 3.1, line 10), with L from the last Newton step.
   */
  private double logEvidence(double[] f, double[] a, boolean[] ok, double[] l) {
    int n = f.length;
    double value = 0;
    for (int i = 0; i < n; i++) {
      value += -0.5 * a[i] * f[i];
      value += Probit.logCdf((ok[i] ? 1 : -1) * (priorMean + f[i]));
    }
    return value - Cholesky.halfLogDet(l, n);
  }

  /**
   * log P(the configuration runs), read at the latent mean (a plug-in estimate). Averaging the
   * probit over the latent variance, as the textbook does, saturates around 0.1 to 0.2 inside a
   * region of many failures: too weak against the optimism of EI about a region that has no
   * objective data.
   */
  double logProbability(double[] point) {
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      mean += covariance(point, x[i]) * gradient[i];
    }
    return Probit.logCdf(priorMean + mean);
  }

  private double covariance(double[] a, double[] b) {
    return SIGNAL_VARIANCE * Kernel.correlation(kernel.scaledDistance(a, b, inverseSquaredLengths));
  }

  /** The prior latent mean: the probit of the success rate, smoothed and kept off 0 and 1. */
  private static double priorMean(boolean[] ok) {
    int successes = 0;
    for (boolean b : ok) {
      successes += b ? 1 : 0;
    }
    return Probit.quantile(Math.min(0.95, Math.max(0.05, (successes + 1.0) / (ok.length + 2.0))));
  }

  /** Per-parameter squared distances of each pair i ≥ j, packed row by row. */
  private static double[] pairDistances(Kernel kernel, double[][] x) {
    int n = x.length;
    int g = kernel.groups();
    double[] distances = new double[n * (n + 1) / 2 * g];
    for (int i = 0, pair = 0; i < n; i++) {
      for (int j = 0; j <= i; j++, pair++) {
        kernel.distances(x[i], x[j], distances, pair * g);
      }
    }
    return distances;
  }

  private double[] covariance(double[] distances) {
    int n = x.length;
    int g = inverseSquaredLengths.length;
    double[] k = new double[n * n];
    for (int i = 0, pair = 0; i < n; i++) {
      for (int j = 0; j <= i; j++, pair++) {
        double r2 = 0;
        for (int d = 0; d < g; d++) {
          r2 += distances[pair * g + d] * inverseSquaredLengths[d];
        }
        double v = SIGNAL_VARIANCE * Kernel.correlation(r2);
        k[i * n + j] = v;
        k[j * n + i] = v;
      }
    }
    return k;
  }

  /** ∇ log p(y|f) and √W, W = −∇∇ log p(y|f), for the probit likelihood at latent f. */
  private void likelihoodDerivatives(double[] f, boolean[] ok, double[] grad, double[] root) {
    for (int i = 0; i < f.length; i++) {
      double y = ok[i] ? 1 : -1;
      double z = y * (priorMean + f[i]);
      double ratio = Probit.pdfOverCdf(z);
      grad[i] = y * ratio;
      root[i] = Math.sqrt(Math.max(0, ratio * ratio + z * ratio));
    }
  }

  /** L L^T = I + √W K √W, into {@code l}. */
  private static void factorB(double[] k, double[] root, double[] l) {
    int n = root.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        l[i * n + j] = root[i] * k[i * n + j] * root[j] + (i == j ? 1 : 0);
      }
    }
    Cholesky.factor(l, n);
  }

  /** One Newton step of Algorithm 3.1: a = b − √W B⁻¹ √W K b with b = W f + ∇; then f ← K a. */
  private static double[] newtonStep(
      double[] k, double[] f, double[] grad, double[] root, double[] l) {
    int n = f.length;
    factorB(k, root, l);
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = root[i] * root[i] * f[i] + grad[i];
    }
    double[] c = multiply(k, b);
    for (int i = 0; i < n; i++) {
      c[i] *= root[i];
    }
    Cholesky.solveLower(l, n, c);
    Cholesky.solveUpper(l, n, c);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = b[i] - root[i] * c[i];
    }
    return a;
  }

  private static double[] multiply(double[] k, double[] v) {
    int n = v.length;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += k[i * n + j] * v[j];
      }
      r[i] = s;
    }
    return r;
  }
}
