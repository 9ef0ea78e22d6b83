package io.autotune.space;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Normalises configuration values so that equal values compare equal: whole numbers become Long.
 */
public final class Values {
  private Values() {}

  /**
   * Integral numbers become {@link Long}, other numbers {@link Double}; strings and booleans stay.
   *
   * @throws IllegalArgumentException for null or any other type
   */
  public static Object normalize(Object value) {
    if (value instanceof Long || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    throw new IllegalArgumentException(
        "a value must be a string, a number or a boolean, but was "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }
}
