package io.autotune.strategies.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The expected hypervolume improvement of a point over a two-objective Pareto front (both
 * minimised), exact, for independent Gaussian predictions of the two objectives. The region that
 * the front leaves open splits into vertical strips {@code a_j ≤ y1 < a_{j+1}, y2 < b_j}, and the
 * improvement's expectation factorises per strip: {@code Σ_j (ψ1(a_{j+1}) − ψ1(a_j)) · ψ2(b_j)}
 * with {@code ψ(c) = E[(c − Y)⁺] = σ·h((c − μ)/σ)}, the function behind expected improvement
 * (Emmerich et al. 2011). Computed in logs so that it stays finite and ordered far from the front.
 * Immutable and thread-safe.
 */
final class ExpectedHypervolumeImprovement {
  private final double[] a;
  private final double[] b;

  /** {@code a}: the strips' left edges after −∞ (ascending), then the reference's first value. */
  private ExpectedHypervolumeImprovement(double[] a, double[] b) {
    this.a = a;
    this.b = b;
  }

  /** The criterion for the non-dominated part of {@code points} inside {@code reference}. */
  static ExpectedHypervolumeImprovement over(List<double[]> points, double[] reference) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      if (p[0] < reference[0] && p[1] < reference[1]) {
        inside.add(p);
      }
    }
    inside.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    List<double[]> front = new ArrayList<>();
    for (double[] p : inside) {
      if (front.isEmpty() || p[1] < front.get(front.size() - 1)[1]) {
        front.add(p);
      }
    }
    int k = front.size();
    double[] a = new double[k + 1];
    double[] b = new double[k + 1];
    b[0] = reference[1];
    for (int j = 0; j < k; j++) {
      a[j] = front.get(j)[0];
      b[j + 1] = front.get(j)[1];
    }
    a[k] = reference[0];
    return new ExpectedHypervolumeImprovement(a, b);
  }

  /** log EHVI at predictions N(m1, v1) and N(m2, v2) of the two objectives. */
  double log(double m1, double v1, double m2, double v2) {
    double s1 = Math.sqrt(v1);
    double s2 = Math.sqrt(v2);
    double total = Double.NEGATIVE_INFINITY;
    double previous = Double.NEGATIVE_INFINITY; // log ψ1(a_{-1} = −∞) = log 0
    for (int j = 0; j < a.length; j++) {
      double logPsi1 = logPsi(a[j], m1, s1);
      double width =
          logPsi1 + LogExpectedImprovement.log1mexp(Math.min(-1e-300, previous - logPsi1));
      previous = logPsi1;
      total = logAdd(total, width + logPsi(b[j], m2, s2));
    }
    return total;
  }

  private static double logPsi(double c, double mean, double sigma) {
    return Math.log(sigma) + LogExpectedImprovement.logH((c - mean) / sigma);
  }

  private static double logAdd(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY) {
      return y;
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    double max = Math.max(x, y);
    return max + Math.log1p(Math.exp(-Math.abs(x - y)));
  }
}
