package io.autotune.strategies;

import io.autotune.InvalidTaskException;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.Configuration;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The points of a finite search space, numbered 0 .. size-1 in mixed radix (the last parameter
 * varies fastest). Real ranges are finite only when discretised into evenly spaced points (on the
 * log scale for log ranges); a real range with low == high is a constant. Immutable.
 */
final class Grid {
  /** Indices stay below this so that the shuffling permutation works in 62 bits. */
  static final long MAX_SIZE = 1L << 62;

  private final List<Axis> axes;
  private final long size;

  private Grid(List<Axis> axes, long size) {
    this.axes = axes;
    this.size = size;
  }

  /**
   * The grid of {@code space}.
   *
   * @param realPoints points per real range; empty rejects real ranges that are not constants
   * @throws InvalidTaskException naming a real range that cannot be enumerated, or a grid too big
   */
  static Grid of(SearchSpace space, OptionalInt realPoints) {
    List<Axis> axes = new ArrayList<>();
    long size = 1;
    for (Parameter p : space.parameters()) {
      Axis axis = axis(p, realPoints);
      axes.add(axis);
      size = multiply(size, axis.size());
    }
    return new Grid(List.copyOf(axes), size);
  }

  long size() {
    return size;
  }

  /** The configuration numbered {@code index}. */
  Configuration at(long index) {
    Map<String, Object> values = new LinkedHashMap<>();
    long rest = index;
    Object[] picked = new Object[axes.size()];
    for (int i = axes.size() - 1; i >= 0; i--) {
      Axis axis = axes.get(i);
      picked[i] = axis.value(rest % axis.size());
      rest /= axis.size();
    }
    for (int i = 0; i < axes.size(); i++) {
      values.put(axes.get(i).name(), picked[i]);
    }
    return new Configuration(values);
  }

  private static long multiply(long size, long axisSize) {
    if (axisSize != 0 && size > (MAX_SIZE - 1) / axisSize) {
      throw new InvalidTaskException(
          "parameters", "the grid has more than 2^62 points; use the random or tpe strategy");
    }
    return size * axisSize;
  }

  private static Axis axis(Parameter parameter, OptionalInt realPoints) {
    if (parameter instanceof IntParameter p) {
      return new Axis(p.name(), p.size(), i -> p.low() + i * p.step());
    }
    if (parameter instanceof ChoiceParameter p) {
      return new Axis(p.name(), p.choices().size(), i -> p.choices().get((int) i));
    }
    return realAxis((RealParameter) parameter, realPoints);
  }

  private static Axis realAxis(RealParameter p, OptionalInt realPoints) {
    if (p.low() == p.high()) {
      return new Axis(p.name(), 1, i -> p.low());
    }
    if (realPoints.isEmpty()) {
      throw new InvalidTaskException(
          "parameters." + p.name(),
          "grid search needs finite parameters, but "
              + p.name()
              + " is a continuous range; give it a list of values, or set the grid option"
              + " real_points to discretise every continuous range");
    }
    int n = realPoints.getAsInt();
    return new Axis(p.name(), n, i -> p.fromUnit(i / (double) (n - 1)));
  }

  /** One parameter's values, by position. */
  private record Axis(String name, long size, ValueAt valueAt) {
    Object value(long index) {
      return valueAt.apply(index);
    }
  }

  @FunctionalInterface
  private interface ValueAt {
    Object apply(long index);
  }
}
