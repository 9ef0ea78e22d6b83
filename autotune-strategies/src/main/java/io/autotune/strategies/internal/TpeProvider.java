package io.autotune.strategies.internal;

import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyProvider;
import io.autotune.strategies.Strategies;
import io.autotune.strategies.TpeOptions;
import java.util.Map;
import java.util.Set;

/**
 * {@code "strategy": "tpe"}; options {@code multivariate}, {@code n_initial_random}, {@code
 * n_ei_candidates}, {@code prior_weight}. Stateless and thread-safe.
 */
public final class TpeProvider implements StrategyProvider {
  private static final Set<String> KNOWN =
      Set.of("multivariate", "n_initial_random", "n_ei_candidates", "prior_weight");

  @Override
  public String name() {
    return "tpe";
  }

  @Override
  public Strategy create(Map<String, Object> options) {
    StrategyOptions read = StrategyOptions.of(name(), options, KNOWN);
    TpeOptions.Builder builder = TpeOptions.builder();
    read.bool("multivariate").ifPresent(builder::multivariate);
    read.integer("n_initial_random", 0).ifPresent(builder::initialRandom);
    read.integer("n_ei_candidates", 1).ifPresent(builder::candidates);
    read.positive("prior_weight").ifPresent(builder::priorWeight);
    return Strategies.tpe(builder.build());
  }
}
