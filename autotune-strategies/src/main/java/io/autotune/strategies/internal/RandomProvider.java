package io.autotune.strategies.internal;

import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyProvider;
import io.autotune.strategies.Strategies;
import java.util.Map;
import java.util.Set;

/** {@code "strategy": "random"}; takes no options. Stateless and thread-safe. */
public final class RandomProvider implements StrategyProvider {
  @Override
  public String name() {
    return "random";
  }

  @Override
  public Strategy create(Map<String, Object> options) {
    StrategyOptions.of(name(), options, Set.of());
    return Strategies.random();
  }
}
