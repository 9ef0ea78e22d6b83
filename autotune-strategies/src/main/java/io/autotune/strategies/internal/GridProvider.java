package io.autotune.strategies.internal;

import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyProvider;
import io.autotune.strategies.Strategies;
import java.util.Map;
import java.util.Set;

/**
 * {@code "strategy": "grid"}; option {@code real_points} discretises continuous ranges. Stateless
 * and thread-safe.
 */
public final class GridProvider implements StrategyProvider {
  @Override
  public String name() {
    return "grid";
  }

  @Override
  public Strategy create(Map<String, Object> options) {
    return StrategyOptions.of(name(), options, Set.of("real_points"))
        .integer("real_points", 2)
        .map(Strategies::grid)
        .orElseGet(Strategies::grid);
  }
}
