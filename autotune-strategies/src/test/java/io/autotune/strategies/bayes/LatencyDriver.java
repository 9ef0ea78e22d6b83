package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import io.autotune.strategies.bench.BenchmarkFunction;
import io.autotune.strategies.bench.ParetoFunction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Median CPU time of one proposal with N finished experiments (random configurations of FUNC),
 * after warm-up; CPU time rather than wall time because the build machine is shared. Usage: FUNC N
 * REPEATS; FUNC may also be serving_pareto or serving_slo (serving_sim's space). A rough guide
 * only: the JMH benchmark in autotune-examples is the reference.
 */
public final class LatencyDriver {
  public static void main(String[] args) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    boolean pareto = Arrays.stream(ParetoFunction.values()).anyMatch(p -> p.id().equals(args[0]));
    BenchmarkFunction f = pareto ? BenchmarkFunction.SERVING_SIM : BenchmarkFunction.named(args[0]);
    int repeats = Integer.parseInt(args[2]);
    BayesianStrategy strategy = BayesianStrategy.ofDefaults();
    for (String size : args[1].split(",", -1)) {
      int n = Integer.parseInt(size);
      SplittableRandom random = new SplittableRandom(1);
      List<Trial> history = new ArrayList<>();
      if (args.length > 3 && args[3].equals("trajectory")) {
        history = Loop.run(strategy, f.space(), f::evaluate, n, 1);
      }
      for (int i = history.size(); i < n; i++) {
        Configuration c = f.space().sample(random);
        history.add(pareto ? paretoTrial(args[0], i + 1, c) : Trial.of(i + 1, c, f.evaluate(c)));
      }
      double[] ms = new double[repeats];
      for (int r = 0; r < 2 * repeats; r++) {
        StrategyContext context =
            new StrategyContext(f.space(), history, List.of(), 100, 1, new SplittableRandom(r));
        long t0 = bean.getCurrentThreadCpuTime();
        strategy.propose(context);
        if (r >= repeats) {
          ms[r - repeats] = (bean.getCurrentThreadCpuTime() - t0) / 1e6;
        }
      }
      Arrays.sort(ms);
      long failures = history.stream().filter(Trial::isFailure).count();
      System.out.printf(
          "%s n=%d (failed %d) propose median %.2f ms cpu%n",
          args[0], n, failures, ms[repeats / 2]);
    }
  }

  /** A trial of serving_pareto or serving_slo, whose space is serving_sim's. */
  private static Trial paretoTrial(String function, int number, Configuration c) {
    return ParetoFunction.named(function)
        .evaluate(c)
        .map(o -> Trial.succeeded(number, c, o.values(), o.constraints()))
        .orElseGet(() -> Trial.failed(number, c));
  }
}
