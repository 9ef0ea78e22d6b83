package io.autotune.strategies;

import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Tree-structured Parzen estimator (Bergstra et al. 2011, as in Optuna): finished experiments are
 * split into a good group (the best ~10 %) and a bad group (the rest, plus every failed experiment
 * and, as a constant liar, every pending one); candidates are drawn from the good density and the
 * one with the highest ratio of good to bad density is proposed. Failures thus push proposals away
 * from infeasible regions without a fake score. Immutable and thread-safe.
 */
final class TpeStrategy implements Strategy {
  private final TpeOptions options;

  TpeStrategy(TpeOptions options) {
    this.options = options;
  }

  @Override
  public Optional<Configuration> propose(StrategyContext context) {
    Set<Configuration> taken = context.taken();
    RandomGenerator random = context.random();
    SpaceCodec codec = new SpaceCodec(context.space());
    TpeSplit split = TpeSplit.of(codec, context.history(), context.pending());
    if (context.history().size() < options.initialRandom()
        || split.below().isEmpty()
        || codec.modelled() == 0) {
      return Optional.of(RandomStrategy.sampleUntaken(context.space(), taken, random));
    }
    boolean mv = options.multivariate();
    ParzenMixture good = new ParzenMixture(codec, split.below(), mv, options.priorWeight());
    ParzenMixture bad = new ParzenMixture(codec, split.above(), mv, options.priorWeight());
    double[][] candidates = new double[options.candidates()][];
    for (int i = 0; i < candidates.length; i++) {
      candidates[i] = good.sample(random, mv);
    }
    Optional<Configuration> best =
        mv
            ? CandidateRanking.joint(codec, good, bad, candidates, taken)
            : CandidateRanking.perDimension(codec, good, bad, candidates, taken)
                .or(() -> CandidateRanking.joint(codec, good, bad, candidates, taken));
    return Optional.of(
        best.orElseGet(() -> RandomStrategy.sampleUntaken(context.space(), taken, random)));
  }

  @Override
  public String toString() {
    return "tpe" + options;
  }
}
