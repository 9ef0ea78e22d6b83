package io.autotune.space;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * One dimension of a {@link SearchSpace}. Numeric parameters map to and from the unit interval,
 * which is how strategies see them: their {@code fromUnit} respects log scales and steps.
 */
public sealed interface Parameter permits IntParameter, RealParameter, ChoiceParameter {

  String name();

  /** Whether {@code value} is a legal value of this parameter (after {@link Values#normalize}). */
  boolean contains(Object value);

  /** Every value, in order, when the parameter is finite; empty for a real range. */
  Optional<List<Object>> values();

  /** How many values the parameter has, without listing them; empty for a real range. */
  OptionalLong cardinality();

  /** A value drawn uniformly (on the log scale for log parameters). */
  Object sample(RandomGenerator random);

  /** Whether the parameter has a single value (a constant, e.g. a zero-width range). */
  default boolean isConstant() {
    return cardinality().equals(OptionalLong.of(1));
  }
}
