package io.autotune.examples.sim;

import io.autotune.examples.sim.SimulatedOptimum.Point;
import io.autotune.model.Direction;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.Configuration;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The best point of a cheap function over a search space: a grid (every choice, nine points per
 * numeric parameter, on its unit scale), then a pattern search from the ten best grid points that
 * moves one parameter at a time and halves its steps down to 1/4096 of each range. Meant for
 * functions that cost microseconds, such as a {@link PredictedBenchmark}. Thread-safe when the
 * function is.
 */
final class DenseSearch {

  private static final int GRID_POINTS = 9;
  private static final int STARTS = 10;
  private static final double SMALLEST_STEP = 1.0 / 4096;

  private final SearchSpace space;
  private final Direction direction;
  private final Function<Configuration, OptionalDouble> score;

  /** {@code score} is empty where the function has no value (the server does not start). */
  DenseSearch(
      SearchSpace space, Direction direction, Function<Configuration, OptionalDouble> score) {
    this.space = space;
    this.direction = direction;
    this.score = score;
  }

  /**
   * The best point found.
   *
   * @throws IllegalStateException when no grid point has a value
   */
  Point best() {
    List<Point> grid = new ArrayList<>();
    collectGrid(0, new double[space.dimensions()], new Object[space.dimensions()], grid);
    grid.sort(byLoss());
    return grid.stream()
        .limit(STARTS)
        .map(this::patternSearch)
        .min(byLoss())
        .orElseThrow(() -> new IllegalStateException("no configuration of the space has a score"));
  }

  private void collectGrid(int index, double[] units, Object[] choices, List<Point> into) {
    List<Parameter> parameters = space.parameters();
    if (index == parameters.size()) {
      Configuration configuration = configuration(units, choices);
      score.apply(configuration).ifPresent(s -> into.add(new Point(configuration, s)));
      return;
    }
    if (parameters.get(index) instanceof ChoiceParameter choice) {
      for (Object value : choice.choices()) {
        choices[index] = value;
        collectGrid(index + 1, units, choices, into);
      }
      return;
    }
    for (int i = 0; i < GRID_POINTS; i++) {
      units[index] = i / (GRID_POINTS - 1.0);
      collectGrid(index + 1, units, choices, into);
    }
  }

  /** Moves one coordinate at a time while that improves the score, with shrinking steps. */
  @SuppressWarnings("ReferenceEquality") // the same Point back means no better neighbour
  private Point patternSearch(Point start) {
    List<Parameter> parameters = space.parameters();
    double[] units = new double[parameters.size()];
    Object[] choices = new Object[parameters.size()];
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      Object value = start.configuration().get(parameter.name());
      if (parameter instanceof ChoiceParameter) {
        choices[i] = value;
      } else {
        units[i] = toUnit(parameter, (Number) value);
      }
    }
    Point best = start;
    for (double step = 1.0 / (2 * (GRID_POINTS - 1)); step >= SMALLEST_STEP; ) {
      Point moved = bestNeighbour(best, units, choices, step);
      if (moved == best) {
        step /= 2;
      } else {
        best = moved;
      }
    }
    return best;
  }

  /**
   * The first neighbour, one parameter moved by {@code step} or to another choice, that scores
   * better than {@code best}; {@code units} and {@code choices} are left at it. Else {@code best}.
   */
  @SuppressWarnings("ReferenceEquality") // the same Point back means not better
  private Point bestNeighbour(Point best, double[] units, Object[] choices, double step) {
    List<Parameter> parameters = space.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i) instanceof ChoiceParameter choice) {
        Object kept = choices[i];
        for (Object value : choice.choices()) {
          choices[i] = value;
          Point moved = ifBetter(best, units, choices);
          if (moved != best) {
            return moved;
          }
        }
        choices[i] = kept;
      } else {
        double kept = units[i];
        for (double unit : new double[] {Math.max(0, kept - step), Math.min(1, kept + step)}) {
          units[i] = unit;
          Point moved = ifBetter(best, units, choices);
          if (moved != best) {
            return moved;
          }
        }
        units[i] = kept;
      }
    }
    return best;
  }

  private Point ifBetter(Point best, double[] units, Object[] choices) {
    Configuration candidate = configuration(units, choices);
    OptionalDouble value = score.apply(candidate);
    return value.isPresent() && direction.isBetter(value.getAsDouble(), best.score())
        ? new Point(candidate, value.getAsDouble())
        : best;
  }

  private Configuration configuration(double[] units, Object[] choices) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<Parameter> parameters = space.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      values.put(
          parameter.name(),
          parameter instanceof ChoiceParameter ? choices[i] : fromUnit(parameter, units[i]));
    }
    return Configuration.of(values);
  }

  private static double toUnit(Parameter parameter, Number value) {
    return parameter instanceof IntParameter integer
        ? integer.toUnit(value.longValue())
        : ((RealParameter) parameter).toUnit(value.doubleValue());
  }

  private static Object fromUnit(Parameter parameter, double unit) {
    return parameter instanceof IntParameter integer
        ? integer.fromUnit(unit)
        : ((RealParameter) parameter).fromUnit(unit);
  }

  private Comparator<Point> byLoss() {
    return Comparator.comparingDouble(point -> direction.toLoss(point.score()));
  }
}
