package io.autotune.spi;

import io.autotune.InvalidTaskException;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Proposes the next configuration to evaluate. A strategy is a function of its inputs: the space,
 * the history (finished and pending experiments) and the seeded random generator in the {@link
 * StrategyContext}. It may memoise, but holds no state that replaying the history would not
 * rebuild, so a task restored from its experiment log proposes exactly what it would have.
 *
 * <p>Implementations must be thread-safe (one instance may serve several tasks).
 */
public interface Strategy {

  /** The next configuration, or empty when the strategy has nothing more to propose. */
  Optional<Configuration> propose(StrategyContext context);

  /**
   * Checks that the strategy can handle the space, before the task starts.
   *
   * @throws InvalidTaskException naming the parameter it cannot handle
   */
  default void validate(SearchSpace space) {}

  /**
   * The strategy registered under {@code name} through {@link StrategyProvider} (ServiceLoader).
   *
   * @throws InvalidTaskException at {@code optimization.strategy} for an unknown name
   */
  static Strategy named(String name, Map<String, Object> options) {
    TreeSet<String> known = new TreeSet<>();
    for (StrategyProvider provider : ServiceLoader.load(StrategyProvider.class)) {
      if (provider.name().equals(name)) {
        return provider.create(options);
      }
      known.add(provider.name());
    }
    throw new InvalidTaskException(
        "optimization.strategy", "unknown strategy '" + name + "'; known strategies: " + known);
  }
}
