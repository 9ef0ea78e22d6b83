package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Runs a strategy against an objective, one experiment at a time, as the tuning loop would. */
final class Loop {
  private Loop() {}

  static StrategyContext context(SearchSpace space, List<Trial> history, long seed) {
    return context(space, history, List.of(), seed);
  }

  static StrategyContext context(
      SearchSpace space, List<Trial> history, List<Configuration> pending, long seed) {
    return new StrategyContext(
        space, history, pending, 100, seed, new SplittableRandom(seed * 31 + history.size()));
  }

  static List<Trial> run(
      Strategy strategy,
      SearchSpace space,
      Function<Configuration, OptionalDouble> objective,
      int experiments,
      long seed) {
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= experiments; n++) {
      Configuration c = strategy.propose(context(space, history, seed)).orElseThrow();
      history.add(Trial.of(n, c, objective.apply(c)));
    }
    return history;
  }

  static double best(List<Trial> history) {
    return history.stream()
        .filter(t -> t.loss().isPresent())
        .mapToDouble(t -> t.loss().getAsDouble())
        .min()
        .orElse(Double.POSITIVE_INFINITY);
  }
}
