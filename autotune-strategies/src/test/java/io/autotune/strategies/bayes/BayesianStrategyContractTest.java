package io.autotune.strategies.bayes;

import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContract;

/** The strategy contract for {@code bayesian}, with a short initial design so the model runs. */
class BayesianStrategyContractTest extends StrategyContract {

  @Override
  protected Strategy strategy() {
    return BayesianStrategy.builder().initialRandom(3).build();
  }
}
