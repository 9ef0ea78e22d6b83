package io.autotune.strategies;

import io.autotune.space.Configuration;
import java.util.Optional;
import java.util.Set;

/** Picks the TPE candidate with the highest log l(x) - log g(x) that is not taken yet. */
final class CandidateRanking {
  private CandidateRanking() {}

  /** Scores whole candidates under the joint densities (multivariate TPE). */
  static Optional<Configuration> joint(
      SpaceCodec codec,
      ParzenMixture good,
      ParzenMixture bad,
      double[][] candidates,
      Set<Configuration> taken) {
    double[] scratch = new double[Math.max(good.components(), bad.components())];
    double[] scores = new double[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      scores[i] =
          finite(good.logDensity(candidates[i], scratch) - bad.logDensity(candidates[i], scratch));
    }
    boolean[] used = new boolean[candidates.length];
    for (int round = 0; round < candidates.length; round++) {
      int best = argmax(scores, used);
      used[best] = true;
      Configuration c = codec.decode(candidates[best]);
      if (!taken.contains(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Picks each dimension's value on its own (univariate TPE). */
  static Optional<Configuration> perDimension(
      SpaceCodec codec,
      ParzenMixture good,
      ParzenMixture bad,
      double[][] candidates,
      Set<Configuration> taken) {
    double[] scratch = new double[Math.max(good.components(), bad.components())];
    double[] x = new double[codec.dimensions()];
    double[] scores = new double[candidates.length];
    for (int d = 0; d < x.length; d++) {
      if (codec.kind(d) == SpaceCodec.Kind.CONSTANT) {
        continue;
      }
      for (int i = 0; i < candidates.length; i++) {
        double v = candidates[i][d];
        scores[i] = finite(good.logDensity(d, v, scratch) - bad.logDensity(d, v, scratch));
      }
      x[d] = candidates[argmax(scores, new boolean[candidates.length])][d];
    }
    Configuration c = codec.decode(x);
    return taken.contains(c) ? Optional.empty() : Optional.of(c);
  }

  private static double finite(double score) {
    return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
  }

  private static int argmax(double[] scores, boolean[] used) {
    int best = -1;
    for (int i = 0; i < scores.length; i++) {
      if (!used[i] && (best < 0 || scores[i] > scores[best])) {
        best = i;
      }
    }
    return best;
  }
}
