package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Rough proposal latency split into model fit and acquisition search. Usage: FUNC N REPEATS. */
public final class LatencyDriver {
  public static void main(String[] args) {
    BenchFunctions f = BenchFunctions.valueOf(args[0].toUpperCase());
    int n = Integer.parseInt(args[1]);
    int repeats = Integer.parseInt(args[2]);
    SplittableRandom random = new SplittableRandom(1);
    List<Trial> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Configuration c = f.space.sample(random);
      history.add(new Trial(i + 1, c, f.evaluate(c)));
    }
    SpaceEncoding encoding = new SpaceEncoding(f.space);
    double[] fit = new double[repeats];
    double[] search = new double[repeats];
    double[] total = new double[repeats];
    BayesianStrategy strategy = BayesianStrategy.ofDefaults();
    for (int r = 0; r < repeats; r++) {
      StrategyContext context =
          new StrategyContext(f.space, history, List.of(), 100, 1, new SplittableRandom(r));
      long t0 = System.nanoTime();
      Observations obs = Observations.of(encoding, context);
      Acquisition acq = SurrogateModel.acquisition(encoding, obs, context.random());
      long t1 = System.nanoTime();
      AcquisitionSearch.search(acq, encoding, obs.best(5), context.random());
      long t2 = System.nanoTime();
      strategy.propose(context);
      long t3 = System.nanoTime();
      fit[r] = (t1 - t0) / 1e6;
      search[r] = (t2 - t1) / 1e6;
      total[r] = (t3 - t2) / 1e6;
    }
    System.out.printf(
        "%s n=%d fit=%.2fms search=%.2fms propose=%.2fms%n",
        args[0], n, median(fit), median(search), median(total));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
