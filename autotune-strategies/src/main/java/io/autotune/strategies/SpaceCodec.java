package io.autotune.strategies;

import io.autotune.space.ChoiceParameter;
import io.autotune.space.Configuration;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How model-based strategies see a space: each numeric parameter is a coordinate in [0, 1] (log
 * scales and integer steps through {@code toUnit}/{@code fromUnit}, so each integer owns an equal
 * share of the interval), each choice is an index, and constants are left out of the model.
 * Immutable and thread-safe.
 */
final class SpaceCodec {
  enum Kind {
    NUMERIC,
    CATEGORICAL,
    CONSTANT
  }

  private final SearchSpace space;
  private final List<Parameter> parameters;
  private final Kind[] kinds;

  SpaceCodec(SearchSpace space) {
    this.space = space;
    this.parameters = space.parameters();
    this.kinds = new Kind[parameters.size()];
    for (int d = 0; d < kinds.length; d++) {
      Parameter p = parameters.get(d);
      kinds[d] =
          p.isConstant()
              ? Kind.CONSTANT
              : p instanceof ChoiceParameter ? Kind.CATEGORICAL : Kind.NUMERIC;
    }
  }

  int dimensions() {
    return kinds.length;
  }

  Kind kind(int dimension) {
    return kinds[dimension];
  }

  /** Number of choices of a categorical dimension. */
  int choices(int dimension) {
    return ((ChoiceParameter) parameters.get(dimension)).choices().size();
  }

  /** Number of dimensions the model sees (constants left out). */
  int modelled() {
    int n = 0;
    for (Kind kind : kinds) {
      n += kind == Kind.CONSTANT ? 0 : 1;
    }
    return n;
  }

  /** The coordinates of a configuration, or empty when it is not a point of this space. */
  Optional<double[]> encode(Configuration configuration) {
    if (!space.contains(configuration)) {
      return Optional.empty();
    }
    double[] x = new double[kinds.length];
    for (int d = 0; d < x.length; d++) {
      Parameter p = parameters.get(d);
      Object value = configuration.get(p.name());
      x[d] =
          switch (kinds[d]) {
            case CONSTANT -> 0;
            case CATEGORICAL -> ((ChoiceParameter) p).indexOf(value);
            case NUMERIC ->
                p instanceof IntParameter i
                    ? i.toUnit((Long) value)
                    : ((RealParameter) p).toUnit((Double) value);
          };
    }
    return Optional.of(x);
  }

  /** Moves a numeric coordinate to the centre of the integer it falls on (reals unchanged). */
  double snap(int dimension, double u) {
    return parameters.get(dimension) instanceof IntParameter i ? i.toUnit(i.fromUnit(u)) : u;
  }

  Configuration decode(double[] x) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int d = 0; d < x.length; d++) {
      Parameter p = parameters.get(d);
      values.put(p.name(), value(p, kinds[d], x[d]));
    }
    return new Configuration(values);
  }

  private static Object value(Parameter p, Kind kind, double x) {
    if (kind == Kind.CONSTANT) {
      return p.values().orElseThrow().get(0);
    }
    if (p instanceof ChoiceParameter c) {
      return c.choices().get((int) x);
    }
    return p instanceof IntParameter i ? i.fromUnit(x) : ((RealParameter) p).fromUnit(x);
  }
}
