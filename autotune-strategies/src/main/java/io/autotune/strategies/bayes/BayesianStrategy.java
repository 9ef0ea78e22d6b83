package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Bayesian optimisation: a Gaussian process (Matérn 5/2, one length scale per parameter, fitted by
 * maximum a posteriori marginal likelihood) with log expected improvement, multiplied by a learnt
 * probability that the configuration runs at all. The first experiments follow a scrambled Sobol
 * design. Pending experiments are fantasised at the model's mean so parallel slots get different
 * configurations.
 *
 * <p>A proposal is a pure function of the space, the history, the pending configurations, the
 * task's seed and the context's random generator: nothing is kept between calls. Thread-safe.
 */
public final class BayesianStrategy implements Strategy {
  private final OptionalInt initialRandom;

  private BayesianStrategy(OptionalInt initialRandom) {
    this.initialRandom = initialRandom;
  }

  /** The strategy with default settings. */
  public static BayesianStrategy ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Size of the initial design for a space with this many free parameters. */
  public int initialRandom(SearchSpace space) {
    return initialRandom.orElseGet(() -> defaultInitialRandom(new SpaceEncoding(space)));
  }

  static int defaultInitialRandom(SpaceEncoding encoding) {
    return Math.max(5, Math.min(10, encoding.groups().size() - 1));
  }

  @Override
  public Optional<Configuration> propose(StrategyContext context) {
    SpaceEncoding encoding = new SpaceEncoding(context.space());
    Set<Configuration> taken = context.taken();
    if (exhausted(encoding, taken)) {
      return Optional.empty();
    }
    int started = context.history().size() + context.pending().size();
    if (started < initialRandom.orElseGet(() -> defaultInitialRandom(encoding))) {
      Optional<Configuration> design = designPoint(encoding, context.seed(), started, taken);
      if (design.isPresent()) {
        return design;
      }
    }
    Observations observations = Observations.of(encoding, context);
    Acquisition acquisition = SurrogateModel.acquisition(encoding, observations, context.random());
    List<AcquisitionSearch.Scored> ranked =
        AcquisitionSearch.search(
            acquisition,
            encoding,
            observations.best(5),
            context.history().size() + context.pending().size(),
            context.random());
    for (AcquisitionSearch.Scored candidate : ranked) {
      Configuration c = encoding.decode(candidate.point());
      if (!taken.contains(c)) {
        return Optional.of(c);
      }
    }
    return untakenSample(context, taken);
  }

  private static Optional<Configuration> designPoint(
      SpaceEncoding encoding, long seed, int index, Set<Configuration> taken) {
    int dims = encoding.groups().size();
    Configuration c =
        dims > 1000
            ? encoding.decode(encoding.randomPoint(new java.util.SplittableRandom(seed + index)))
            : encoding.decode(
                encoding.fromGroupCoordinates(InitialDesign.point(dims, seed, index)));
    return taken.contains(c) ? Optional.empty() : Optional.of(c);
  }

  private static Optional<Configuration> untakenSample(
      StrategyContext context, Set<Configuration> taken) {
    Configuration sample = context.space().sample(context.random());
    for (int i = 0; i < 1000 && taken.contains(sample); i++) {
      sample = context.space().sample(context.random());
    }
    return Optional.of(sample);
  }

  private static boolean exhausted(SpaceEncoding encoding, Set<Configuration> taken) {
    OptionalLong size = encoding.space().size();
    if (size.isEmpty() || size.getAsLong() > taken.size()) {
      return false;
    }
    return taken.stream().filter(encoding.space()::contains).count() >= size.getAsLong();
  }

  /** Builds a {@link BayesianStrategy}. Not thread-safe. */
  public static final class Builder {
    private OptionalInt initialRandom = OptionalInt.empty();

    private Builder() {}

    /**
     * Number of experiments drawn from the initial Sobol design before the model takes over; 0 lets
     * the model explore from the first experiment. Default: 5 up to 6 free (non-constant)
     * parameters, then one per parameter beyond the first, at most 10.
     */
    public Builder initialRandom(int initialRandom) {
      if (initialRandom < 0) {
        throw new IllegalArgumentException(
            "initialRandom must be at least 0, but was " + initialRandom);
      }
      this.initialRandom = OptionalInt.of(initialRandom);
      return this;
    }

    public BayesianStrategy build() {
      return new BayesianStrategy(initialRandom);
    }
  }
}
