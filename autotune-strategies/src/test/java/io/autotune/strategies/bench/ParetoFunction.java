package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The multi-objective and constrained functions of {@code shared/bench/functions_mo.py}, ported
 * exactly, every objective minimised. Two are measured by hypervolume regret (the hypervolume
 * missing from the non-dominated points found, inside a reference point), one by the best value
 * that meets its constraint. Immutable and thread-safe.
 */
// never mutated: SearchSpace is an immutable record, the functions are stateless and the
// reference point is not handed out
@SuppressWarnings("ImmutableEnumChecker")
public enum ParetoFunction {
  /** BoTorch's BraninCurrin, both minimised, on [0, 1]². */
  BRANIN_CURRIN(
      "branin_currin",
      BraninCurrin.SPACE,
      BraninCurrin::evaluate,
      new double[] {18.0, 6.0},
      59.3754,
      0),
  /** serving_sim's server: −(tokens/s per GPU) against time per output token (ms). */
  SERVING_PARETO(
      "serving_pareto",
      ServingSim.SPACE,
      p ->
          ServingSim.serving(p)
              .map(s -> Outcome.of(new double[] {-s.perGpu(), s.tpotMs()}, new double[0])),
      new double[] {0.0, 60.0},
      91485.4,
      0),
  /** serving_sim's server: −(tokens/s per GPU) subject to ttft − 0.5 s ≤ 0. */
  SERVING_SLO(
      "serving_slo",
      ServingSim.SPACE,
      p ->
          ServingSim.serving(p)
              .map(s -> Outcome.of(new double[] {-s.perGpu()}, new double[] {s.ttft() - 0.5})),
      null,
      0,
      -1610.0270);

  /** What one experiment yields: the objectives' values and the constraints' (feasible ≤ 0). */
  public record Outcome(List<Double> values, List<Double> constraints) {
    public Outcome {
      values = List.copyOf(values);
      constraints = List.copyOf(constraints);
    }

    static Outcome of(double[] values, double[] constraints) {
      return new Outcome(
          Arrays.stream(values).boxed().toList(), Arrays.stream(constraints).boxed().toList());
    }

    boolean feasible() {
      return constraints.stream().allMatch(c -> c <= 0);
    }
  }

  private final String id;
  private final SearchSpace space;
  private final Function<Configuration, Optional<Outcome>> function;
  private final double[] reference;
  private final double maxHypervolume;
  private final double optimum;

  ParetoFunction(
      String id,
      SearchSpace space,
      Function<Configuration, Optional<Outcome>> function,
      double[] reference,
      double maxHypervolume,
      double optimum) {
    this.id = id;
    this.space = space;
    this.function = function;
    this.reference = reference;
    this.maxHypervolume = maxHypervolume;
    this.optimum = optimum;
  }

  public String id() {
    return id;
  }

  public SearchSpace space() {
    return space;
  }

  /** The number of objectives. */
  public int objectives() {
    return reference == null ? 1 : reference.length;
  }

  /** The value of the curve at its best: 0 regret, or the best feasible value. */
  public double optimum() {
    return optimum;
  }

  /** The outcome at {@code configuration}; empty when the experiment fails. */
  public Optional<Outcome> evaluate(Configuration configuration) {
    return function.apply(configuration);
  }

  /**
   * The curve's value after these outcomes, as functions_mo.py measures: hypervolume regret, or the
   * best feasible value ({@code Infinity} while none is feasible).
   */
  public double measure(List<Outcome> found) {
    if (reference == null) {
      return found.stream()
          .filter(Outcome::feasible)
          .mapToDouble(o -> o.values().get(0))
          .min()
          .orElse(Double.POSITIVE_INFINITY);
    }
    return maxHypervolume
        - Hypervolume.of2d(found.stream().map(Outcome::values).toList(), reference);
  }

  /**
   * The function with this id.
   *
   * @throws IllegalArgumentException naming the known ids
   */
  public static ParetoFunction named(String id) {
    for (ParetoFunction f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown function '"
            + id
            + "'; known functions: "
            + Arrays.stream(values()).map(ParetoFunction::id).collect(Collectors.joining(", ")));
  }
}
