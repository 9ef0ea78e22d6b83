package io.autotune.strategies.bench;

import io.autotune.spi.Strategy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the {@code bench} command prints: one JSON line per seed (shared/bench's format), then the
 * summary line of median simple regret. Strategies are found by name through {@link
 * Strategy#named}, exactly as task JSON finds them. Stateless and thread-safe.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  /**
   * Runs {@code strategy} (with {@code options}) on {@code function} for seeds 0 .. seeds-1 and
   * prints the runs and their summary to {@code out}.
   *
   * @return the summary
   */
  public static BenchmarkSummary print(
      BenchmarkFunction function,
      String strategy,
      Map<String, Object> options,
      int seeds,
      int trials,
      PrintStream out) {
    return print(
        function.id(),
        function.optimum(),
        strategy,
        options,
        seeds,
        out,
        (sampler, instance, seed) ->
            BenchmarkHarness.runSeed(function, sampler, instance, seed, trials));
  }

  /**
   * The same for a multi-objective or constrained function: the curves are hypervolume regret or
   * the best feasible value, as optuna_mo_ref.py prints them; the summary is their regret.
   */
  public static BenchmarkSummary print(
      ParetoFunction function,
      String strategy,
      Map<String, Object> options,
      int seeds,
      int trials,
      PrintStream out) {
    return print(
        function.id(),
        function.optimum(),
        strategy,
        options,
        seeds,
        out,
        (sampler, instance, seed) ->
            ParetoHarness.runSeed(function, sampler, instance, seed, trials));
  }

  private interface SeedRun {
    BenchmarkRun run(String sampler, Strategy strategy, long seed);
  }

  private static BenchmarkSummary print(
      String func,
      double optimum,
      String strategy,
      Map<String, Object> options,
      int seeds,
      PrintStream out,
      SeedRun seedRun) {
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds must be at least 1, but was " + seeds);
    }
    String sampler = options.isEmpty() ? strategy : strategy + new TreeMap<>(options);
    Strategy instance = Strategy.named(strategy, options);
    List<BenchmarkRun> runs = new ArrayList<>();
    for (int seed = 0; seed < seeds; seed++) {
      BenchmarkRun run = seedRun.run(sampler, instance, seed);
      out.println(run.toJson());
      runs.add(run);
    }
    BenchmarkSummary summary = BenchmarkSummary.of(func, optimum, runs);
    out.println(summary.line());
    return summary;
  }
}
