package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Runs a strategy on a {@link ParetoFunction} through the {@link Strategy} SPI as the tuning loop
 * asks it: trials carry every objective's value and every constraint's, failures carry none; the
 * curve is the function's measure after each experiment (optuna_mo_ref.py's). Stateless.
 */
public final class ParetoHarness {
  private ParetoHarness() {}

  public static BenchmarkRun runSeed(
      ParetoFunction function, String sampler, Strategy strategy, long seed, int trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, but was " + trials);
    }
    strategy.validate(function.space());
    List<Trial> history = new ArrayList<>();
    List<ParetoFunction.Outcome> found = new ArrayList<>();
    List<Double> curve = new ArrayList<>();
    double[] askMs = new double[trials];
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
      Configuration c = function.space().validate(proposal.get());
      Optional<ParetoFunction.Outcome> outcome = function.evaluate(c);
      history.add(
          outcome
              .map(o -> Trial.succeeded(history.size() + 1, c, o.values(), o.constraints()))
              .orElseGet(() -> Trial.failed(history.size() + 1, c)));
      outcome.ifPresent(found::add);
      curve.add(function.measure(found));
    }
    return new BenchmarkRun(
        function.id(),
        sampler,
        seed,
        curve,
        BenchmarkHarness.upperMedian(askMs),
        BenchmarkHarness.meanOfLast(askMs, 10));
  }
}
