package io.autotune.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a search space: parameter name to value, in the space's order. Values are normalised
 * ({@link Values#normalize}) so that equal configurations are equal. Immutable.
 */
public record Configuration(Map<String, Object> values) {

  public Configuration {
    Objects.requireNonNull(values, "values");
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> copy.put(Objects.requireNonNull(name, "name"), Values.normalize(value)));
    values = Collections.unmodifiableMap(copy);
  }

  public static Configuration of(Map<String, ?> values) {
    return new Configuration(Collections.unmodifiableMap(values));
  }

  public Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no parameter named " + name + " in " + values);
    }
    return value;
  }

  public double getDouble(String name) {
    return ((Number) get(name)).doubleValue();
  }

  public long getLong(String name) {
    return ((Number) get(name)).longValue();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
