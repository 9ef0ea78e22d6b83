package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import io.autotune.strategies.bench.BenchmarkFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Median simple regret when SLOTS experiments run at once (each proposal sees the others as
 * pending; the oldest finishes first). Usage: FUNC SLOTS SEEDS TRIALS. Not a unit test.
 */
public final class ParallelDriver {
  public static void main(String[] args) {
    BenchmarkFunction f = BenchmarkFunction.named(args[0]);
    int slots = Integer.parseInt(args[1]);
    int seeds = Integer.parseInt(args[2]);
    int trials = Integer.parseInt(args[3]);
    BayesianStrategy strategy = BayesianStrategy.ofDefaults();
    double[] regret = new double[seeds];
    for (int seed = 0; seed < seeds; seed++) {
      List<Trial> history = new ArrayList<>();
      Deque<Configuration> running = new ArrayDeque<>();
      int proposed = 0;
      while (history.size() < trials) {
        while (running.size() < slots && proposed < trials) {
          StrategyContext context =
              new StrategyContext(
                  f.space(),
                  history,
                  List.copyOf(running),
                  trials,
                  seed,
                  StrategyContext.randomFor(seed, history.size() + running.size()));
          running.addLast(strategy.propose(context).orElseThrow());
          proposed++;
        }
        Configuration done = running.removeFirst();
        history.add(Trial.of(history.size() + 1, done, f.evaluate(done)));
      }
      regret[seed] = Loop.best(history) - f.optimum();
    }
    Arrays.sort(regret);
    double median =
        seeds % 2 == 1 ? regret[seeds / 2] : (regret[seeds / 2 - 1] + regret[seeds / 2]) / 2;
    System.out.printf("%s slots=%d median regret after %d: %.4g%n", args[0], slots, trials, median);
  }
}
