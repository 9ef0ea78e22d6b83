package io.autotune.strategies;

import io.autotune.spi.Strategy;
import io.autotune.strategies.bayes.BayesianStrategy;
import java.util.OptionalInt;

/**
 * The built-in strategies. Each one is a pure function of its {@link
 * io.autotune.spi.StrategyContext}: the same space, history, pending experiments and seed give the
 * same proposal, so a task restored from its experiment log goes on exactly as it would have. All
 * strategies returned here are immutable and thread-safe.
 *
 * <p>In task JSON they are named {@code grid}, {@code random} and {@code tpe}; {@code bayesian},
 * the default, is {@link io.autotune.strategies.bayes.BayesianStrategy} (see {@code
 * docs/strategies.md} for their options).
 */
public final class Strategies {
  private Strategies() {}

  /**
   * Every point of a finite space exactly once, then exhaustion. In order when the budget covers
   * the grid, otherwise in an order shuffled by the task's seed. Rejects continuous ranges (a real
   * range with low == high is a constant); see {@link #grid(int)} to discretise them.
   */
  public static Strategy grid() {
    return new GridStrategy(OptionalInt.empty());
  }

  /**
   * Like {@link #grid()}, but each continuous range becomes {@code realPoints} evenly spaced values
   * from low to high (evenly on the log scale for log ranges).
   *
   * @throws IllegalArgumentException if {@code realPoints} is below 2
   */
  public static Strategy grid(int realPoints) {
    if (realPoints < 2) {
      throw new IllegalArgumentException("realPoints must be at least 2, but was " + realPoints);
    }
    return new GridStrategy(OptionalInt.of(realPoints));
  }

  /**
   * Uniform random sampling (log scales and integer steps respected), seeded by the context; in a
   * finite space no configuration repeats until all have been taken.
   */
  public static Strategy random() {
    return new RandomStrategy();
  }

  /** A tree-structured Parzen estimator with {@link TpeOptions#ofDefaults()}. */
  public static Strategy tpe() {
    return tpe(TpeOptions.ofDefaults());
  }

  /** A tree-structured Parzen estimator with these options. */
  public static Strategy tpe(TpeOptions options) {
    return new TpeStrategy(options);
  }

  /**
   * Bayesian optimisation: a Gaussian process (Matérn 5/2, one length scale per dimension) with log
   * expected improvement, a feasibility model for failures and a Sobol initial design; see {@link
   * BayesianStrategy#builder()} for its options.
   */
  public static Strategy bayesian() {
    return BayesianStrategy.ofDefaults();
  }
}
