package io.autotune.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/** The parameters of a task, in order. Immutable and thread-safe. */
public record SearchSpace(List<Parameter> parameters) {

  public SearchSpace {
    parameters = List.copyOf(parameters);
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one parameter");
    }
    Set<String> names = new HashSet<>();
    for (Parameter p : parameters) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("parameter " + p.name() + " is defined twice");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Parameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public int dimensions() {
    return parameters.size();
  }

  /** Number of distinct configurations (at most Long.MAX_VALUE), when every parameter is finite. */
  public OptionalLong size() {
    long size = 1;
    for (Parameter p : parameters) {
      OptionalLong n = p.cardinality();
      if (n.isEmpty()) {
        return n;
      }
      try {
        size = Math.multiplyExact(size, n.getAsLong());
      } catch (ArithmeticException tooMany) {
        return OptionalLong.of(Long.MAX_VALUE);
      }
    }
    return OptionalLong.of(size);
  }

  /** Whether the configuration has exactly this space's parameters, each with a legal value. */
  public boolean contains(Configuration configuration) {
    Map<String, Object> values = configuration.values();
    return values.size() == parameters.size()
        && parameters.stream()
            .allMatch(p -> values.containsKey(p.name()) && p.contains(values.get(p.name())));
  }

  /**
   * Checks a configuration against the space.
   *
   * @throws IllegalArgumentException naming the first parameter that is missing, unknown or out of
   *     range
   */
  public Configuration validate(Configuration configuration) {
    for (Parameter p : parameters) {
      Object value = configuration.values().get(p.name());
      if (value == null) {
        throw new IllegalArgumentException("parameter " + p.name() + " is missing");
      }
      if (!p.contains(value)) {
        throw new IllegalArgumentException(
            "parameter " + p.name() + ": " + value + " is not a legal value of " + p);
      }
    }
    for (String name : configuration.values().keySet()) {
      if (parameter(name).isEmpty()) {
        throw new IllegalArgumentException("unknown parameter " + name);
      }
    }
    return configuration;
  }

  /** A configuration drawn uniformly, each parameter independently. */
  public Configuration sample(RandomGenerator random) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      values.put(p.name(), p.sample(random));
    }
    return new Configuration(values);
  }

  static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a non-blank name");
    }
  }

  /** Builds a search space parameter by parameter. Not thread-safe. */
  public static final class Builder {
    private final List<Parameter> parameters = new ArrayList<>();

    private Builder() {}

    public Builder add(Parameter parameter) {
      parameters.add(parameter);
      return this;
    }

    public Builder integer(String name, long low, long high) {
      return add(new IntParameter(name, low, high, 1, false));
    }

    public Builder integer(String name, long low, long high, long step, boolean log) {
      return add(new IntParameter(name, low, high, step, log));
    }

    public Builder real(String name, double low, double high) {
      return add(new RealParameter(name, low, high, false));
    }

    public Builder real(String name, double low, double high, boolean log) {
      return add(new RealParameter(name, low, high, log));
    }

    public Builder choice(String name, Object... values) {
      return add(new ChoiceParameter(name, List.of(values)));
    }

    public SearchSpace build() {
      return new SearchSpace(parameters);
    }
  }
}
