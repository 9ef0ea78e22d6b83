package io.autotune;

import io.autotune.model.Direction;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
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
 * memory; proposals are the same as the tuning loop's for the same seed and history. Thread-safe.
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

  /** A told result: a value, or empty for a failed evaluation. */
  public record Result(int number, Configuration configuration, OptionalDouble value) {}

  private final SearchSpace space;
  private final Strategy strategy;
  private final Direction direction;
  private final long seed;
  private final int budget;
  private final Map<Integer, Configuration> pending = new LinkedHashMap<>();
  private final List<Result> results = new ArrayList<>();
  private int next = 1;

  private Study(SearchSpace space, Strategy strategy, Direction direction, long seed, int budget) {
    this.space = Objects.requireNonNull(space, "space");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.direction = Objects.requireNonNull(direction, "direction");
    this.seed = seed;
    this.budget = budget;
    strategy.validate(space);
  }

  /** A study with an open budget. */
  public static Study of(SearchSpace space, Strategy strategy, Direction direction, long seed) {
    return new Study(space, strategy, direction, seed, Integer.MAX_VALUE);
  }

  /** A study that plans for {@code budget} evaluations (a grid shuffles when it is smaller). */
  public static Study of(
      SearchSpace space, Strategy strategy, Direction direction, long seed, int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be greater than 0, but was " + budget);
    }
    return new Study(space, strategy, direction, seed, budget);
  }

  /** The next configuration to evaluate, or empty when the strategy has no more. */
  public synchronized Optional<Suggestion> ask() {
    List<Trial> history = new ArrayList<>();
    for (Result r : results) {
      history.add(
          r.value().isPresent()
              ? Trial.succeeded(
                  r.number(), r.configuration(), direction.toLoss(r.value().getAsDouble()))
              : Trial.failed(r.number(), r.configuration()));
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
   * Reports the value of suggestion {@code number}.
   *
   * @throws IllegalArgumentException if the value is not finite (report a failure with {@link
   *     #fail})
   * @throws NoSuchElementException if no suggestion with that number is waiting for a result
   */
  public synchronized void tell(int number, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "value of suggestion " + number + " must be finite, but was " + value + "; use fail()");
    }
    results.add(new Result(number, take(number), OptionalDouble.of(value)));
  }

  /** Reports that suggestion {@code number} failed (an infeasible configuration). */
  public synchronized void fail(int number) {
    results.add(new Result(number, take(number), OptionalDouble.empty()));
  }

  /** The best result so far. */
  public synchronized Optional<Result> best() {
    return results.stream()
        .filter(r -> r.value().isPresent())
        .min(
            (a, b) ->
                Double.compare(
                    direction.toLoss(a.value().getAsDouble()),
                    direction.toLoss(b.value().getAsDouble())));
  }

  /** Every result told so far, in the order told. */
  public synchronized List<Result> results() {
    return List.copyOf(results);
  }

  private Configuration take(int number) {
    Configuration c = pending.remove(number);
    if (c == null) {
      throw new NoSuchElementException("no suggestion " + number + " is waiting for a result");
    }
    return c;
  }
}
