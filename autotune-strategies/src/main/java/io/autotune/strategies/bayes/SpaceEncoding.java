package io.autotune.strategies.bayes;

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
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Maps configurations to points of the unit cube that the model works in. A numeric parameter is
 * one feature ({@code toUnit}, respecting log scales and steps); a choice is a one-hot block, so
 * categories are exchangeable rather than ordered by index; a constant parameter takes no feature
 * and is decoded exactly. Each non-constant parameter is one kernel "group" with its own length
 * scale. Immutable and thread-safe.
 */
final class SpaceEncoding {
  private final SearchSpace space;
  private final List<Group> groups;
  private final int features;

  /** One non-constant parameter: its features are [start, start + size). */
  record Group(Parameter parameter, int start, int size) {
    boolean categorical() {
      return parameter instanceof ChoiceParameter;
    }
  }

  SpaceEncoding(SearchSpace space) {
    this.space = space;
    List<Group> list = new ArrayList<>();
    int next = 0;
    for (Parameter p : space.parameters()) {
      if (p.isConstant()) {
        continue;
      }
      int size = p instanceof ChoiceParameter c ? c.choices().size() : 1;
      list.add(new Group(p, next, size));
      next += size;
    }
    this.groups = List.copyOf(list);
    this.features = next;
  }

  SearchSpace space() {
    return space;
  }

  List<Group> groups() {
    return groups;
  }

  int features() {
    return features;
  }

  /** The point of a configuration; empty when a value is missing or not in the space. */
  Optional<double[]> encode(Configuration configuration) {
    double[] x = new double[features];
    for (Group g : groups) {
      Object value = configuration.values().get(g.parameter().name());
      if (value == null || !writeValue(g, value, x)) {
        return Optional.empty();
      }
    }
    return Optional.of(x);
  }

  private static boolean writeValue(Group g, Object value, double[] x) {
    Parameter p = g.parameter();
    if (p instanceof ChoiceParameter c) {
      int index = c.indexOf(value);
      if (index >= 0) {
        x[g.start() + index] = 1.0;
      }
      return index >= 0;
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      return false;
    }
    x[g.start()] =
        clampUnit(
            p instanceof IntParameter i
                ? i.toUnit(n.longValue())
                : ((RealParameter) p).toUnit(n.doubleValue()));
    return true;
  }

  /** The configuration at a point; each choice takes the category with the largest feature. */
  Configuration decode(double[] x) {
    Map<String, Object> values = new LinkedHashMap<>();
    int next = 0;
    for (Parameter p : space.parameters()) {
      if (next < groups.size() && groups.get(next).parameter() == p) {
        values.put(p.name(), valueAt(groups.get(next++), x));
      } else {
        values.put(p.name(), constantValue(p));
      }
    }
    return new Configuration(values);
  }

  private static Object constantValue(Parameter p) {
    if (p instanceof IntParameter i) {
      return i.low();
    }
    if (p instanceof RealParameter r) {
      return r.low();
    }
    return ((ChoiceParameter) p).choices().get(0);
  }

  private static Object valueAt(Group g, double[] x) {
    Parameter p = g.parameter();
    if (p instanceof ChoiceParameter c) {
      return c.choices().get(argmax(x, g.start(), g.size()));
    }
    return p instanceof IntParameter i
        ? (Object) i.fromUnit(x[g.start()])
        : (Object) ((RealParameter) p).fromUnit(x[g.start()]);
  }

  /**
   * Moves a point onto what it decodes to: integers to the centre of their cell, choices to an
   * exact one-hot block. The model then scores exactly the configuration that would be proposed.
   */
  void snap(double[] x) {
    for (Group g : groups) {
      if (g.parameter() instanceof IntParameter i) {
        x[g.start()] = clampUnit(i.toUnit(i.fromUnit(x[g.start()])));
      } else if (g.categorical()) {
        setCategory(x, g, argmax(x, g.start(), g.size()));
      } else {
        x[g.start()] = clampUnit(x[g.start()]);
      }
    }
  }

  /** A point whose group coordinates come from {@code u} in [0,1)^groups (e.g. a Sobol point). */
  double[] fromGroupCoordinates(double[] u) {
    double[] x = new double[features];
    for (int k = 0; k < groups.size(); k++) {
      Group g = groups.get(k);
      if (g.categorical()) {
        setCategory(x, g, Math.min(g.size() - 1, (int) Math.floor(u[k] * g.size())));
      } else {
        x[g.start()] = u[k];
      }
    }
    snap(x);
    return x;
  }

  double[] randomPoint(RandomGenerator random) {
    double[] u = new double[groups.size()];
    for (int k = 0; k < u.length; k++) {
      u[k] = random.nextDouble();
    }
    return fromGroupCoordinates(u);
  }

  static void setCategory(double[] x, Group g, int category) {
    for (int j = 0; j < g.size(); j++) {
      x[g.start() + j] = j == category ? 1.0 : 0.0;
    }
  }

  static int category(double[] x, Group g) {
    return argmax(x, g.start(), g.size());
  }

  private static int argmax(double[] x, int start, int size) {
    int best = 0;
    for (int j = 1; j < size; j++) {
      if (x[start + j] > x[start + best]) {
        best = j;
      }
    }
    return best;
  }

  private static double clampUnit(double u) {
    return Double.isNaN(u) ? 0.5 : Math.min(1.0, Math.max(0.0, u));
  }
}
