package io.autotune.strategies.bayes;

import io.autotune.InvalidTaskException;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyProvider;
import java.util.Map;

/**
 * Registers {@link BayesianStrategy} as {@code "bayesian"} for task JSON. Option: {@code
 * n_initial_random} (a positive integer). Thread-safe.
 */
public final class BayesianStrategyProvider implements StrategyProvider {
  static final String INITIAL_RANDOM = "n_initial_random";

  @Override
  public String name() {
    return "bayesian";
  }

  @Override
  public Strategy create(Map<String, Object> options) {
    BayesianStrategy.Builder builder = BayesianStrategy.builder();
    for (Map.Entry<String, Object> option : options.entrySet()) {
      String path = "optimization." + option.getKey();
      if (!option.getKey().equals(INITIAL_RANDOM)) {
        throw new InvalidTaskException(
            path, "unknown option of strategy bayesian; known options: [" + INITIAL_RANDOM + "]");
      }
      if (!(option.getValue() instanceof Number n)
          || n.doubleValue() != Math.rint(n.doubleValue())
          || n.doubleValue() < 1
          || n.doubleValue() > Integer.MAX_VALUE) {
        throw new InvalidTaskException(
            path, "must be a positive integer, but was " + option.getValue());
      }
      builder.initialRandom(n.intValue());
    }
    return builder.build();
  }
}
