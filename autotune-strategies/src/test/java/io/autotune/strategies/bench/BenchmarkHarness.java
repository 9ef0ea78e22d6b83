package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs a strategy on a benchmark function through the {@link Strategy} SPI, exactly as the tuning
 * loop asks it: a history of {@link Trial}s (loss = the function's value, failures as an empty
 * loss; a noisy function's observation, while the curve follows the noiseless value), no pending
 * experiments, the trial count as budget, and the generator the tuning loop uses ({@link
 * StrategyContext#randomFor}). Stateless and thread-safe.
 */
public final class BenchmarkHarness {
  private BenchmarkHarness() {}

  /** Runs seeds 0 .. seeds-1, {@code trials} experiments each. */
  public static List<BenchmarkRun> run(
      BenchmarkFunction function, String sampler, Strategy strategy, int seeds, int trials) {
    List<BenchmarkRun> runs = new ArrayList<>();
    for (int seed = 0; seed < seeds; seed++) {
      runs.add(runSeed(function, sampler, strategy, seed, trials));
    }
    return runs;
  }

  /**
   * One run. A strategy that reports exhaustion (a finished grid) ends the run early; its curve is
   * then shorter than {@code trials}.
   */
  public static BenchmarkRun runSeed(
      BenchmarkFunction function, String sampler, Strategy strategy, long seed, int trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, but was " + trials);
    }
    strategy.validate(function.space());
    List<Trial> history = new ArrayList<>();
    List<Double> curve = new ArrayList<>();
    double[] askMs = new double[trials];
    double best = Double.POSITIVE_INFINITY;
    for (int n = 0; n < trials; n++) {
      long start = System.nanoTime();
      StrategyContext context =
          new StrategyContext(
              function.space(),
              history,
              List.of(),
              trials,
              seed,
              StrategyContext.randomFor(seed, history.size()));
      Optional<Configuration> proposal = strategy.propose(context);
      askMs[n] = (System.nanoTime() - start) / 1e6;
      if (proposal.isEmpty()) {
        askMs = Arrays.copyOf(askMs, n);
        break;
      }
      OptionalDouble value = function.evaluate(function.space().validate(proposal.get()));
      history.add(Trial.of(n + 1, proposal.get(), function.observe(value, seed, n)));
      if (value.isPresent()) {
        best = Math.min(best, value.getAsDouble());
      }
      curve.add(best);
    }
    return new BenchmarkRun(
        function.id(), sampler, seed, curve, upperMedian(askMs), meanOfLast(askMs, 10));
  }

  static double upperMedian(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static double meanOfLast(double[] values, int count) {
    int from = Math.max(0, values.length - count);
    return Arrays.stream(values, from, values.length).average().orElse(Double.NaN);
  }
}
