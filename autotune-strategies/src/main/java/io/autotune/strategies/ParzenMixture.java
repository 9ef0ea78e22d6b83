package io.autotune.strategies;

import io.autotune.strategies.SpaceCodec.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A Parzen (kernel) density over a space's coordinates, as in Optuna's TPE: one component per
 * observation plus a broad prior component. Numeric dimensions use normals truncated to [0, 1];
 * categorical dimensions use a categorical kernel that puts most mass on the observed choice and
 * spreads the prior weight over all choices. Immutable after construction.
 */
final class ParzenMixture {
  private final SpaceCodec codec;
  private final double[] logWeights;
  private final double[] cumulative;
  private final double[][] mu;
  private final double[][] sigma;
  private final double[][] logNorm;
  private final double[][][] logChoice;
  private final double[][][] choiceCumulative;

  /**
   * @param points observations, oldest first (older ones get less weight after 25)
   */
  ParzenMixture(SpaceCodec codec, List<double[]> points, boolean multivariate, double prior) {
    this.codec = codec;
    int n = points.size();
    int dims = codec.dimensions();
    double[] weights = Weights.components(n, prior);
    this.logWeights = Arrays.stream(weights).map(Math::log).toArray();
    this.cumulative = Weights.cumulative(weights);
    this.mu = new double[dims][];
    this.sigma = new double[dims][];
    this.logNorm = new double[dims][];
    this.logChoice = new double[dims][][];
    this.choiceCumulative = new double[dims][][];
    for (int d = 0; d < dims; d++) {
      if (codec.kind(d) == Kind.NUMERIC) {
        numeric(d, points, multivariate);
      } else if (codec.kind(d) == Kind.CATEGORICAL) {
        categorical(d, points, prior);
      }
    }
  }

  private void numeric(int d, List<double[]> points, boolean multivariate) {
    int n = points.size();
    double[] mus = new double[n + 1];
    for (int k = 0; k < n; k++) {
      mus[k] = points.get(k)[d];
    }
    mus[n] = 0.5;
    double[] sigmas =
        multivariate
            ? Bandwidths.scott(n + 1, Math.pow(Math.max(n, 1), -1.0 / (codec.modelled() + 4)))
            : Bandwidths.neighbours(mus);
    double minSigma = 1.0 / Math.min(100.0, 1.0 + mus.length);
    double[] norms = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      sigmas[k] = k == n ? 1.0 : Math.min(1.0, Math.max(minSigma, sigmas[k]));
      norms[k] = TruncatedNormal.logNormaliser(mus[k], sigmas[k]);
    }
    mu[d] = mus;
    sigma[d] = sigmas;
    logNorm[d] = norms;
  }

  private void categorical(int d, List<double[]> points, double prior) {
    int n = points.size();
    int choices = codec.choices(d);
    double fill = prior / (n + 1);
    logChoice[d] = new double[n + 1][];
    choiceCumulative[d] = new double[n + 1][];
    for (int k = 0; k <= n; k++) {
      double[] p = new double[choices];
      Arrays.fill(p, fill);
      if (k < n) {
        p[(int) points.get(k)[d]] += 1;
      }
      double total = fill * choices + (k < n ? 1 : 0);
      for (int c = 0; c < choices; c++) {
        p[c] /= total;
      }
      choiceCumulative[d][k] = Weights.cumulative(p);
      logChoice[d][k] = Arrays.stream(p).map(Math::log).toArray();
    }
  }

  /** A point drawn from the mixture: one component for all dimensions, or one per dimension. */
  double[] sample(RandomGenerator random, boolean multivariate) {
    double[] x = new double[codec.dimensions()];
    int component = Weights.pick(cumulative, random);
    for (int d = 0; d < x.length; d++) {
      int k = multivariate ? component : Weights.pick(cumulative, random);
      if (codec.kind(d) == Kind.NUMERIC) {
        x[d] = codec.snap(d, TruncatedNormal.sample(mu[d][k], sigma[d][k], random));
      } else if (codec.kind(d) == Kind.CATEGORICAL) {
        x[d] = Weights.pick(choiceCumulative[d][k], random);
      }
    }
    return x;
  }

  /** Log density of the whole point (components shared across dimensions). */
  double logDensity(double[] x, double[] scratch) {
    int components = logWeights.length;
    System.arraycopy(logWeights, 0, scratch, 0, components);
    for (int d = 0; d < x.length; d++) {
      if (codec.kind(d) != Kind.CONSTANT) {
        for (int k = 0; k < components; k++) {
          scratch[k] += logKernel(d, k, x[d]);
        }
      }
    }
    return logSumExp(scratch, components);
  }

  /** Log marginal density of one dimension. */
  double logDensity(int d, double value, double[] scratch) {
    int components = logWeights.length;
    for (int k = 0; k < components; k++) {
      scratch[k] = logWeights[k] + logKernel(d, k, value);
    }
    return logSumExp(scratch, components);
  }

  int components() {
    return logWeights.length;
  }

  private double logKernel(int d, int k, double value) {
    if (codec.kind(d) == Kind.CATEGORICAL) {
      return logChoice[d][k][(int) value];
    }
    return TruncatedNormal.logDensity(value, mu[d][k], sigma[d][k], logNorm[d][k]);
  }

  private static double logSumExp(double[] terms, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, terms[i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(terms[i] - max);
    }
    return max + Math.log(sum);
  }
}
