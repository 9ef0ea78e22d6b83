package io.autotune.testing;

import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import java.util.Optional;

/** A test strategy: one uniform sample from the context's generator per proposal. */
public final class SampleStrategy implements Strategy {
  @Override
  public Optional<Configuration> propose(StrategyContext context) {
    return Optional.of(context.space().sample(context.random()));
  }
}
