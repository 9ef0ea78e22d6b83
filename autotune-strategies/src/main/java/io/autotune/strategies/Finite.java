package io.autotune.strategies;

import io.autotune.space.ChoiceParameter;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import io.autotune.space.SearchSpace;
import java.util.OptionalLong;

/**
 * Sizes of parameters and spaces computed arithmetically. {@link Parameter#values()} would list
 * every integer of a range (up to a million boxed values), too slow to call on every proposal.
 */
final class Finite {
  private Finite() {}

  /** Number of values; empty for a real range that is not a constant. */
  static OptionalLong size(Parameter parameter) {
    if (parameter instanceof IntParameter p) {
      return OptionalLong.of(p.size());
    }
    if (parameter instanceof ChoiceParameter p) {
      return OptionalLong.of(p.choices().size());
    }
    RealParameter p = (RealParameter) parameter;
    return p.low() == p.high() ? OptionalLong.of(1) : OptionalLong.empty();
  }

  static boolean isConstant(Parameter parameter) {
    return size(parameter).equals(OptionalLong.of(1));
  }

  /** Number of configurations (saturating at Long.MAX_VALUE); empty when a range is continuous. */
  static OptionalLong size(SearchSpace space) {
    long size = 1;
    for (Parameter p : space.parameters()) {
      OptionalLong n = size(p);
      if (n.isEmpty()) {
        return n;
      }
      size =
          n.getAsLong() != 0 && size > Long.MAX_VALUE / n.getAsLong()
              ? Long.MAX_VALUE
              : size * n.getAsLong();
    }
    return OptionalLong.of(size);
  }
}
