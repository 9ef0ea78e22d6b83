package io.autotune.strategies;

import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContract;

/** The contract for TPE that uses its model from the first successful experiment on. */
class TpeWithoutRandomStartStrategyTest extends StrategyContract {

  @Override
  protected Strategy strategy() {
    return Strategies.tpe(TpeOptions.builder().initialRandom(0).build());
  }
}
