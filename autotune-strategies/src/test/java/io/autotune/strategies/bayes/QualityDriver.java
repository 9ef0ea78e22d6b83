package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Quick quality check while tuning the strategy: median simple regret at 10/20/30/40/60 over seeds.
 * Usage: QualityDriver FUNC[,FUNC] SEEDS TRIALS THREADS [initialRandom]. Not a unit test.
 */
public final class QualityDriver {
  public static void main(String[] args) throws Exception {
    int seeds = Integer.parseInt(args[1]);
    int trials = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    BayesianStrategy.Builder builder = BayesianStrategy.builder();
    if (args.length > 4) {
      builder.initialRandom(Integer.parseInt(args[4]));
    }
    Strategy strategy = builder.build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (String name : args[0].split(",")) {
      BenchFunctions f = BenchFunctions.valueOf(name.toUpperCase());
      List<Future<double[][]>> runs = new ArrayList<>();
      for (int s = 0; s < seeds; s++) {
        int seed = s;
        runs.add(pool.submit(() -> run(strategy, f, seed, trials)));
      }
      double[][] curves = new double[seeds][];
      double[] lastTimes = new double[seeds];
      for (int s = 0; s < seeds; s++) {
        double[][] r = runs.get(s).get();
        curves[s] = r[0];
        lastTimes[s] = median(Arrays.copyOfRange(r[1], Math.max(0, trials - 10), trials));
      }
      StringBuilder line = new StringBuilder(String.format("%-12s", name));
      for (int at : new int[] {10, 20, 30, 40, 60}) {
        if (at <= trials) {
          double[] regrets = new double[seeds];
          for (int s = 0; s < seeds; s++) {
            regrets[s] = curves[s][at - 1] - f.optimum;
          }
          line.append(String.format(" @%d:%.4g", at, median(regrets)));
        }
      }
      line.append(String.format("  ask_ms(last10)=%.2f", median(lastTimes)));
      System.out.println(line);
    }
    pool.shutdown();
  }

  static double[][] run(Strategy strategy, BenchFunctions f, long seed, int trials) {
    List<Trial> history = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    double[] curve = new double[trials];
    double[] ms = new double[trials];
    for (int n = 0; n < trials; n++) {
      StrategyContext context =
          new StrategyContext(
              f.space, history, List.of(), trials, seed, new SplittableRandom(seed * 7919 + n));
      long t0 = System.nanoTime();
      Configuration c = strategy.propose(context).orElseThrow();
      ms[n] = (System.nanoTime() - t0) / 1e6;
      OptionalDouble v = f.evaluate(c);
      history.add(new Trial(n + 1, c, v));
      if (v.isPresent()) {
        best = Math.min(best, v.getAsDouble());
      }
      curve[n] = best;
    }
    return new double[][] {curve, ms};
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
