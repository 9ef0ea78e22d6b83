package io.autotune.strategies.bayes;

/**
 * Minimises a smooth function with a gradient inside a box: limited-memory BFGS directions,
 * projected onto the box, with a backtracking (Armijo) line search. Written here rather than taken
 * from hipparchus-optim because the hyperparameter fit runs on every proposal: hipparchus' BOBYQA
 * spends about 100 µs of bookkeeping per evaluation, several times the cost of the likelihood
 * itself, and its gradient optimiser is unbounded. Stateless.
 */
final class BoundedLbfgs {
  private static final int MEMORY = 6;
  private static final double TOLERANCE = 1e-6;

  private BoundedLbfgs() {}

  /** A function that writes its gradient into {@code gradient} and returns its value. */
  interface Differentiable {
    double valueAndGradient(double[] x, double[] gradient);
  }

  /** Minimises from {@code start}; returns the best point found. */
  static double[] minimise(
      Differentiable f, double[] start, double[] lower, double[] upper, int maxIterations) {
    int n = start.length;
    double[] x = project(start, lower, upper);
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    double[][] s = new double[MEMORY][];
    double[][] y = new double[MEMORY][];
    double[] rho = new double[MEMORY];
    int stored = 0;
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      double[] d = direction(g, s, y, rho, stored);
      freeze(d, x, lower, upper);
      double slope = dot(g, d);
      if (!(slope < 0)) {
        d = g.clone();
        scale(d, -1);
        freeze(d, x, lower, upper);
        slope = dot(g, d);
        stored = 0;
        if (!(slope < -1e-12)) {
          return x;
        }
      }
      double t = stored == 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
      double[] xNew = null;
      double[] gNew = new double[n];
      double fNew = Double.NaN;
      for (int halving = 0; halving < 25; halving++) {
        double[] candidate = project(axpy(x, t, d), lower, upper);
        double value = f.valueAndGradient(candidate, gNew);
        double decrease = 1e-4 * dot(g, difference(candidate, x));
        if (value <= fx + decrease) {
          xNew = candidate;
          fNew = value;
          break;
        }
        t *= 0.5;
      }
      if (xNew == null) {
        return x;
      }
      double[] step = difference(xNew, x);
      double[] change = difference(gNew, g);
      double curvature = dot(step, change);
      if (curvature > 1e-10) {
        int slot = stored < MEMORY ? stored++ : shift(s, y, rho);
        s[slot] = step;
        y[slot] = change;
        rho[slot] = 1 / curvature;
      }
      boolean converged = Math.abs(fx - fNew) <= TOLERANCE * Math.max(1, Math.abs(fx));
      x = xNew;
      g = gNew;
      fx = fNew;
      if (converged) {
        break;
      }
    }
    return x;
  }

  /** The two-loop recursion: an approximation of −H⁻¹g from the stored curvature pairs. */
  private static double[] direction(
      double[] g, double[][] s, double[][] y, double[] rho, int stored) {
    double[] q = g.clone();
    double[] alpha = new double[stored];
    for (int i = stored - 1; i >= 0; i--) {
      alpha[i] = rho[i] * dot(s[i], q);
      addScaled(q, -alpha[i], y[i]);
    }
    if (stored > 0) {
      int last = stored - 1;
      scale(q, dot(s[last], y[last]) / dot(y[last], y[last]));
    }
    for (int i = 0; i < stored; i++) {
      double beta = rho[i] * dot(y[i], q);
      addScaled(q, alpha[i] - beta, s[i]);
    }
    scale(q, -1);
    return q;
  }

  /** Drops the oldest pair; returns the freed slot (the last). */
  private static int shift(double[][] s, double[][] y, double[] rho) {
    for (int i = 1; i < MEMORY; i++) {
      s[i - 1] = s[i];
      y[i - 1] = y[i];
      rho[i - 1] = rho[i];
    }
    return MEMORY - 1;
  }

  /** Coordinates at a bound that the direction would push outward do not move. */
  private static void freeze(double[] d, double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < d.length; i++) {
      if ((x[i] <= lower[i] && d[i] < 0) || (x[i] >= upper[i] && d[i] > 0)) {
        d[i] = 0;
      }
    }
  }

  private static double[] project(double[] x, double[] lower, double[] upper) {
    double[] p = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      p[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }
    return p;
  }

  private static double[] axpy(double[] x, double t, double[] d) {
    double[] r = x.clone();
    addScaled(r, t, d);
    return r;
  }

  private static double[] difference(double[] a, double[] b) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[i] - b[i];
    }
    return r;
  }

  private static void addScaled(double[] target, double factor, double[] v) {
    for (int i = 0; i < target.length; i++) {
      target[i] += factor * v[i];
    }
  }

  private static void scale(double[] v, double factor) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= factor;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
