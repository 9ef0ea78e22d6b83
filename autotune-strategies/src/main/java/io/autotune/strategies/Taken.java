package io.autotune.strategies;

import io.autotune.space.Configuration;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.HashSet;
import java.util.Set;

/** The configurations already evaluated or being evaluated, for constant-time lookups. */
final class Taken {
  private Taken() {}

  static Set<Configuration> of(StrategyContext context) {
    Set<Configuration> taken = new HashSet<>(context.pending());
    for (Trial trial : context.history()) {
      taken.add(trial.configuration());
    }
    return taken;
  }
}
