package io.autotune.strategies.internal;

import io.autotune.InvalidTaskException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a strategy's options from task JSON ({@code optimization} section); errors name the JSON
 * path. Not API. Immutable and thread-safe.
 */
public final class StrategyOptions {
  private static final String PATH = "optimization.";

  private final Map<String, Object> options;

  private StrategyOptions(Map<String, Object> options) {
    this.options = options;
  }

  /**
   * The options, after checking that every key is one the strategy knows.
   *
   * @throws InvalidTaskException naming an unknown option
   */
  public static StrategyOptions of(
      String strategy, Map<String, Object> options, Set<String> known) {
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidTaskException(
            PATH + key,
            "unknown option of strategy " + strategy + "; known options: " + new TreeSet<>(known));
      }
    }
    return new StrategyOptions(Map.copyOf(options));
  }

  /** An integer option of at least {@code min}. */
  public Optional<Integer> integer(String key, int min) {
    Object value = options.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new InvalidTaskException(PATH + key, "must be a whole number, but was " + value);
    }
    if (n.doubleValue() < min || n.doubleValue() > Integer.MAX_VALUE) {
      throw new InvalidTaskException(PATH + key, "must be at least " + min + ", but was " + value);
    }
    return Optional.of(n.intValue());
  }

  /** A positive finite number. */
  public Optional<Double> positive(String key) {
    Object value = options.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number n)
        || !(n.doubleValue() > 0)
        || n.doubleValue() > Double.MAX_VALUE) {
      throw new InvalidTaskException(
          PATH + key, "must be a number greater than 0, but was " + value);
    }
    return Optional.of(n.doubleValue());
  }

  public Optional<Boolean> bool(String key) {
    Object value = options.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean b)) {
      throw new InvalidTaskException(PATH + key, "must be true or false, but was " + value);
    }
    return Optional.of(b);
  }
}
