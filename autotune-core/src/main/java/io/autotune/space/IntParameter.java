package io.autotune.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * An integer in [low, high], on a grid of {@code step} from {@code low}; with {@code log} it is
 * sampled on the log scale (step must then be 1, as in Optuna).
 */
public record IntParameter(String name, long low, long high, long step, boolean log)
    implements Parameter {

  public IntParameter {
    SearchSpace.requireName(name);
    if (low > high) {
      throw new IllegalArgumentException(name + ": low " + low + " is greater than high " + high);
    }
    if (step < 1) {
      throw new IllegalArgumentException(name + ": step must be at least 1, but was " + step);
    }
    if (log && low <= 0) {
      throw new IllegalArgumentException(name + ": a log scale needs low > 0, but low was " + low);
    }
    if (log && step != 1) {
      throw new IllegalArgumentException(
          name + ": a log scale cannot have a step (was " + step + ")");
    }
  }

  public static IntParameter of(String name, long low, long high) {
    return new IntParameter(name, low, high, 1, false);
  }

  /** The largest value on the step grid, which may be below {@code high}. */
  public long top() {
    return low + (high - low) / step * step;
  }

  /** Number of values on the grid. */
  public long size() {
    return (high - low) / step + 1;
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Long v && v >= low && v <= high && (v - low) % step == 0;
  }

  @Override
  public OptionalLong cardinality() {
    return OptionalLong.of(size());
  }

  @Override
  public Optional<List<Object>> values() {
    if (size() > 1_000_000) {
      return Optional.empty();
    }
    List<Object> values = new ArrayList<>();
    for (long v = low; v <= high; v += step) {
      values.add(v);
    }
    return Optional.of(values);
  }

  @Override
  public Object sample(RandomGenerator random) {
    return fromUnit(random.nextDouble());
  }

  /**
   * The value at position {@code u} in [0, 1]. Each grid value owns an equal share of the unit
   * interval (of its log for log scales), so uniform {@code u} gives uniform values.
   */
  public long fromUnit(double u) {
    double clamped = Math.min(1.0, Math.max(0.0, u));
    if (log) {
      double lo = Math.log(low - 0.5);
      double hi = Math.log(high + 0.5);
      long v = Math.round(Math.exp(lo + clamped * (hi - lo)));
      return Math.min(high, Math.max(low, v));
    }
    long index = (long) Math.floor(clamped * size());
    return low + Math.min(size() - 1, index) * step;
  }

  /** The centre of the share of the unit interval that {@code value} owns; inverse of fromUnit. */
  public double toUnit(long value) {
    if (log) {
      double lo = Math.log(low - 0.5);
      double hi = Math.log(high + 0.5);
      return hi == lo ? 0.5 : (Math.log((double) value) - lo) / (hi - lo);
    }
    return ((value - low) / (double) step + 0.5) / size();
  }
}
