package io.autotune.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON conventions of the API: snake_case names, times as ISO-8601 UTC strings, and null for
 * what is not known. The views are records of plain values; this class turns model values into
 * them. Thread-safe.
 */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  static String time(Instant instant) {
    return instant.toString();
  }

  /** The time, or null when there is none. */
  static String time(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }

  /** The number, or null when there is none. */
  static Double number(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  /** Seconds with millisecond precision. */
  static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  /** Rounded to one decimal, for percentages. */
  static double oneDecimal(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
