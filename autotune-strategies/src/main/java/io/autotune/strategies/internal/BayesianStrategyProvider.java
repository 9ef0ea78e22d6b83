package io.autotune.strategies.internal;

import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyProvider;
import io.autotune.strategies.bayes.BayesianStrategy;
import java.util.Map;
import java.util.Set;

/**
 * Registers {@link BayesianStrategy} as {@code "bayesian"} for task JSON. Option: {@code
 * n_initial_random} (a whole number of at least 0; with 0 the model explores from the first
 * experiment). Thread-safe.
 */
public final class BayesianStrategyProvider implements StrategyProvider {
  static final String INITIAL_RANDOM = "n_initial_random";

  @Override
  public String name() {
    return "bayesian";
  }

  @Override
  public Strategy create(Map<String, Object> options) {
    StrategyOptions read = StrategyOptions.of(name(), options, Set.of(INITIAL_RANDOM));
    BayesianStrategy.Builder builder = BayesianStrategy.builder();
    read.integer(INITIAL_RANDOM, 0).ifPresent(builder::initialRandom);
    return builder.build();
  }
}
