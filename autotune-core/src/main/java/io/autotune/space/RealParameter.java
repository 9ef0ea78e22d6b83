package io.autotune.space;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/** A real number in [low, high], optionally on a log scale. */
public record RealParameter(String name, double low, double high, boolean log)
    implements Parameter {

  public RealParameter {
    SearchSpace.requireName(name);
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(name + ": low and high must be finite numbers");
    }
    if (low > high) {
      throw new IllegalArgumentException(name + ": low " + low + " is greater than high " + high);
    }
    if (log && low <= 0) {
      throw new IllegalArgumentException(name + ": a log scale needs low > 0, but low was " + low);
    }
  }

  public static RealParameter of(String name, double low, double high) {
    return new RealParameter(name, low, high, false);
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Double v && v >= low && v <= high;
  }

  @Override
  public OptionalLong cardinality() {
    return low == high ? OptionalLong.of(1) : OptionalLong.empty();
  }

  @Override
  public Optional<List<Object>> values() {
    return low == high ? Optional.of(List.of(low)) : Optional.empty();
  }

  @Override
  public Object sample(RandomGenerator random) {
    return fromUnit(random.nextDouble());
  }

  /** The value at position {@code u} in [0, 1] (on the log scale for log parameters). */
  public double fromUnit(double u) {
    double clamped = Math.min(1.0, Math.max(0.0, u));
    double v =
        log
            ? Math.exp(Math.log(low) + clamped * (Math.log(high) - Math.log(low)))
            : low + clamped * (high - low);
    return Math.min(high, Math.max(low, v));
  }

  /** Inverse of {@link #fromUnit(double)}. */
  public double toUnit(double value) {
    if (low == high) {
      return 0.5;
    }
    return log
        ? (Math.log(value) - Math.log(low)) / (Math.log(high) - Math.log(low))
        : (value - low) / (high - low);
  }
}
