package io.autotune.spi;

import java.util.Map;

/**
 * Makes a named strategy for task JSON ({@code "strategy": "bayesian"}). Registered through {@code
 * META-INF/services/io.autotune.spi.StrategyProvider}.
 */
public interface StrategyProvider {

  /** The name used in task JSON. */
  String name();

  /**
   * A strategy with these options (from the task's {@code optimization} section).
   *
   * @throws io.autotune.InvalidTaskException naming an unknown or invalid option
   */
  Strategy create(Map<String, Object> options);
}
