package io.autotune.strategies;

import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContract;

/** The contract for TPE with one density per parameter. */
class TpeUnivariateStrategyTest extends StrategyContract {

  @Override
  protected Strategy strategy() {
    return Strategies.tpe(TpeOptions.builder().multivariate(false).initialRandom(5).build());
  }
}
