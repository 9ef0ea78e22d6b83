package io.autotune.strategies;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Draws each parameter uniformly (on the log scale for log parameters, on the step grid for
 * integers) from the context's seeded generator. In a finite space it does not repeat a taken
 * configuration until every configuration has been taken.
 */
final class RandomStrategy implements Strategy {
  /** Rejection tries before a crowded finite space is enumerated instead. */
  private static final int TRIES = 32;

  /** Finite spaces up to this size are enumerated when sampling keeps hitting taken points. */
  private static final long ENUMERATION_LIMIT = 1L << 20;

  @Override
  public Optional<Configuration> propose(StrategyContext context) {
    return Optional.of(sampleUntaken(context.space(), context.taken(), context.random()));
  }

  /** A uniform configuration that is not taken, when the space still has one. */
  static Configuration sampleUntaken(
      SearchSpace space, Set<Configuration> taken, RandomGenerator random) {
    Configuration sample = space.sample(random);
    OptionalLong size = space.size();
    if (size.isEmpty() || !taken.contains(sample)) {
      return sample;
    }
    for (int i = 1; i < TRIES; i++) {
      sample = space.sample(random);
      if (!taken.contains(sample)) {
        return sample;
      }
    }
    return size.getAsLong() <= ENUMERATION_LIMIT
        ? pickUntaken(space, taken, random).orElse(sample)
        : sample;
  }

  private static Optional<Configuration> pickUntaken(
      SearchSpace space, Set<Configuration> taken, RandomGenerator random) {
    Grid grid = Grid.of(space, OptionalInt.empty());
    List<Configuration> free = new ArrayList<>();
    for (long i = 0; i < grid.size(); i++) {
      Configuration c = grid.at(i);
      if (!taken.contains(c)) {
        free.add(c);
      }
    }
    return free.isEmpty() ? Optional.empty() : Optional.of(free.get(random.nextInt(free.size())));
  }

  @Override
  public String toString() {
    return "random";
  }
}
