package io.autotune;

import io.autotune.internal.Pareto;
import io.autotune.model.Direction;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Manual ask-and-tell, for users who run evaluations themselves (like Optuna's ask/tell): {@link
 * #ask()} proposes a configuration, {@link #tell} or {@link #fail} reports it. Results are kept in
 * memory; proposals are the same as the tuning loop's for the same seed and history. A study may
 * have several objectives and constraints (feasible when a constraint's value is at most 0,
 * Optuna's convention): {@link #paretoFront()} then answers what {@link #best()} answers for one
 * objective. Thread-safe.
 *
 * <pre>{@code
 * Study study = Study.of(space, Strategy.named("bayesian", Map.of()), Direction.MINIMIZE, 42);
 * Study.Suggestion s = study.ask().orElseThrow();
 * study.tell(s.number(), evaluate(s.configuration()));
 * }</pre>
 */
public final class Study {
  /** A configuration to evaluate, numbered from 1. */
  public record Suggestion(int number, Configuration configuration) {}

  /**
   * A told result: one value per objective and one per constraint, or none for a failed evaluation.
   */
  public record Result(
      int number, Configuration configuration, List<Double> values, List<Double> constraints) {
    public Result {
      values = List.copyOf(values);
      constraints = List.copyOf(constraints);
    }

    /** The first objective's value; empty for a failure. */
    public OptionalDouble value() {
      return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(0));
    }

    /** Succeeded with every constraint at most 0. */
    public boolean feasible() {
      return !values.isEmpty() && constraints.stream().allMatch(c -> c <= 0);
    }
  }

  private final SearchSpace space;
  private final Strategy strategy;
  private final List<Direction> directions;
  private final int constraints;
  private final long seed;
  private final int budget;
  private final Map<Integer, Configuration> pending = new LinkedHashMap<>();
  private final List<Result> results = new ArrayList<>();
  private int next = 1;

  private Study(
      SearchSpace space,
      Strategy strategy,
      List<Direction> directions,
      int constraints,
      long seed,
      int budget) {
    this.space = Objects.requireNonNull(space, "space");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.directions = List.copyOf(directions);
    if (this.directions.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one direction");
    }
    if (constraints < 0) {
      throw new IllegalArgumentException("constraints must be at least 0, but was " + constraints);
    }
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be greater than 0, but was " + budget);
    }
    this.constraints = constraints;
    this.seed = seed;
    this.budget = budget;
    strategy.validate(space);
  }

  /** A study with an open budget. */
  public static Study of(SearchSpace space, Strategy strategy, Direction direction, long seed) {
    return new Study(space, strategy, List.of(direction), 0, seed, Integer.MAX_VALUE);
  }

  /** A study that plans for {@code budget} evaluations (a grid shuffles when it is smaller). */
  public static Study of(
      SearchSpace space, Strategy strategy, Direction direction, long seed, int budget) {
    return new Study(space, strategy, List.of(direction), 0, seed, budget);
  }

  /**
   * A study of one objective per direction, with {@code constraints} constraint values told with
   * every result, planning for {@code budget} evaluations.
   */
  public static Study of(
      SearchSpace space,
      Strategy strategy,
      List<Direction> directions,
      int constraints,
      long seed,
      int budget) {
    return new Study(space, strategy, directions, constraints, seed, budget);
  }

  /** The next configuration to evaluate, or empty when the strategy has no more. */
  public synchronized Optional<Suggestion> ask() {
    List<Trial> history = new ArrayList<>();
    for (Result r : results) {
      history.add(
          r.values().isEmpty()
              ? Trial.failed(r.number(), r.configuration())
              : Trial.succeeded(r.number(), r.configuration(), losses(r), r.constraints()));
    }
    int inView = history.size() + pending.size();
    StrategyContext context =
        new StrategyContext(
            space,
            history,
            List.copyOf(pending.values()),
            budget,
            seed,
            StrategyContext.randomFor(seed, inView));
    Optional<Configuration> proposal = strategy.propose(context);
    proposal.ifPresent(space::validate);
    return proposal.map(
        c -> {
          Suggestion s = new Suggestion(next++, c);
          pending.put(s.number(), c);
          return s;
        });
  }

  /**
   * Reports the value of suggestion {@code number} in a study of one objective without constraints.
   *
   * @throws IllegalArgumentException if the value is not finite (report a failure with {@link
   *     #fail}), or the study has more objectives or constraints
   * @throws NoSuchElementException if no suggestion with that number is waiting for a result
   */
  public synchronized void tell(int number, double value) {
    tell(number, List.of(value), List.of());
  }

  /**
   * Reports suggestion {@code number}'s objective values (one per direction) and constraint values.
   *
   * @throws IllegalArgumentException if a value is not finite or the counts do not match the
   *     study's
   * @throws NoSuchElementException if no suggestion with that number is waiting for a result
   */
  public synchronized void tell(int number, List<Double> values, List<Double> constraintValues) {
    check(number, "values", values, directions.size());
    check(number, "constraints", constraintValues, constraints);
    results.add(new Result(number, take(number), values, constraintValues));
  }

  /** Reports that suggestion {@code number} failed (an infeasible configuration). */
  public synchronized void fail(int number) {
    results.add(new Result(number, take(number), List.of(), List.of()));
  }

  /**
   * The best feasible result so far.
   *
   * @throws IllegalStateException in a study of several objectives (see {@link #paretoFront()})
   */
  public synchronized Optional<Result> best() {
    if (directions.size() > 1) {
      throw new IllegalStateException(
          "a study of " + directions.size() + " objectives has a Pareto front, not one best");
    }
    return results.stream()
        .filter(Result::feasible)
        .min(Comparator.comparingDouble(r -> losses(r).get(0)));
  }

  /**
   * The feasible results that no other feasible result dominates (at least as good in every
   * objective, better in one), in the order told. With one objective: the best result.
   */
  public synchronized List<Result> paretoFront() {
    return Pareto.front(results.stream().filter(Result::feasible).toList(), this::losses);
  }

  /** Every result told so far, in the order told. */
  public synchronized List<Result> results() {
    return List.copyOf(results);
  }

  private List<Double> losses(Result r) {
    List<Double> losses = new ArrayList<>();
    for (int i = 0; i < directions.size(); i++) {
      losses.add(directions.get(i).toLoss(r.values().get(i)));
    }
    return losses;
  }

  private static void check(int number, String what, List<Double> values, int expected) {
    if (values.size() != expected) {
      throw new IllegalArgumentException(
          "suggestion "
              + number
              + ": expected "
              + expected
              + " "
              + what
              + ", but got "
              + values.size());
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "suggestion "
                + number
                + ": "
                + what
                + " must be finite, but were "
                + values
                + "; report a failed evaluation with fail()");
      }
    }
  }

  private Configuration take(int number) {
    Configuration c = pending.remove(number);
    if (c == null) {
      throw new NoSuchElementException("no suggestion " + number + " is waiting for a result");
    }
    return c;
  }
}
