package io.autotune.space;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * A categorical parameter: one of a list of strings, numbers or booleans, with no order implied.
 */
public record ChoiceParameter(String name, List<Object> choices) implements Parameter {

  public ChoiceParameter {
    SearchSpace.requireName(name);
    if (choices == null || choices.isEmpty()) {
      throw new IllegalArgumentException(name + ": a choice needs at least one value");
    }
    choices = choices.stream().map(Values::normalize).toList();
    if (new HashSet<>(choices).size() != choices.size()) {
      throw new IllegalArgumentException(
          name + ": choice values must be distinct, but were " + choices);
    }
  }

  public static ChoiceParameter of(String name, Object... choices) {
    return new ChoiceParameter(name, List.of(choices));
  }

  /** The position of {@code value} among the choices, or -1. */
  public int indexOf(Object value) {
    return choices.indexOf(value);
  }

  @Override
  public boolean contains(Object value) {
    return choices.contains(value);
  }

  @Override
  public OptionalLong cardinality() {
    return OptionalLong.of(choices.size());
  }

  @Override
  public Optional<List<Object>> values() {
    return Optional.of(choices);
  }

  @Override
  public Object sample(RandomGenerator random) {
    return choices.get(random.nextInt(choices.size()));
  }
}
