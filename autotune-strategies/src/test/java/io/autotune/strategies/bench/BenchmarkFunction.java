package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public benchmark objectives of {@code shared/bench/functions.py}, ported exactly: same
 * spaces, same formulas, minimised. An empty value is a failed experiment (the configuration is
 * infeasible, like a server that runs out of memory at start-up). Immutable and thread-safe.
 */
// never mutated: SearchSpace is an immutable record and the functions are stateless
@SuppressWarnings("ImmutableEnumChecker")
public enum BenchmarkFunction {
  /** Branin on [-5, 10] x [0, 15]; three global minima. */
  BRANIN("branin", 0.397887, Branin.SPACE, Branin::evaluate),
  /** Hartmann 6-d on [0, 1]^6. */
  HARTMANN6("hartmann6", -3.32237, Hartmann6.SPACE, Hartmann6::evaluate),
  /** A made-up model of an SGLang-like server: -(output tokens/s per GPU) with an SLO penalty. */
  SERVING_SIM("serving_sim", -1610.0440, ServingSim.SPACE, ServingSim::evaluate);

  private final String id;
  private final double optimum;
  private final SearchSpace space;
  private final Function<Configuration, OptionalDouble> objective;

  BenchmarkFunction(
      String id,
      double optimum,
      SearchSpace space,
      Function<Configuration, OptionalDouble> objective) {
    this.id = id;
    this.optimum = optimum;
    this.space = space;
    this.objective = objective;
  }

  /** The name used in functions.py and in the JSON lines, e.g. {@code serving_sim}. */
  public String id() {
    return id;
  }

  public SearchSpace space() {
    return space;
  }

  /** The known optimum (as given in shared/bench/README.md), for simple regret. */
  public double optimum() {
    return optimum;
  }

  /** The value at {@code configuration}; empty when the experiment fails. */
  public OptionalDouble evaluate(Configuration configuration) {
    return objective.apply(configuration);
  }

  /**
   * The function with this id.
   *
   * @throws IllegalArgumentException naming the known ids
   */
  public static BenchmarkFunction named(String id) {
    for (BenchmarkFunction f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown function '"
            + id
            + "'; known functions: "
            + Arrays.stream(values()).map(BenchmarkFunction::id).collect(Collectors.joining(", ")));
  }
}
