package io.autotune.spi;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Everything a strategy may base a proposal on.
 *
 * @param space the search space
 * @param history finished experiments, in number order (abandoned ones left out)
 * @param pending configurations being evaluated now (parallel slots), not to be proposed again
 * @param budget the task's maximum number of experiments (a grid shuffles when it is smaller)
 * @param seed the task's seed, for decisions that must stay fixed over the whole task
 * @param random a generator for this proposal alone, seeded from the task's seed and the history
 *     size, so that replaying a history gives the same proposal
 */
public record StrategyContext(
    SearchSpace space,
    List<Trial> history,
    List<Configuration> pending,
    int budget,
    long seed,
    RandomGenerator random) {

  public StrategyContext {
    Objects.requireNonNull(space, "space");
    history = List.copyOf(history);
    pending = List.copyOf(pending);
    Objects.requireNonNull(random, "random");
  }

  /**
   * The generator for a proposal with {@code inView} experiments in view (finished and pending):
   * seeded from the task's seed and that count, so that replaying a history replays the proposals.
   */
  public static RandomGenerator randomFor(long seed, int inView) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + inView);
  }

  /**
   * The configurations already evaluated or being evaluated, as a new set (constant-time lookups,
   * for strategies that test many candidates).
   */
  public Set<Configuration> taken() {
    Set<Configuration> taken = new HashSet<>(pending);
    history.forEach(trial -> taken.add(trial.configuration()));
    return taken;
  }

  /** Whether this configuration was already evaluated or is being evaluated. */
  public boolean isTaken(Configuration configuration) {
    return pending.contains(configuration)
        || history.stream().anyMatch(t -> t.configuration().equals(configuration));
  }
}
