package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** CPU time of the inner loops. Usage: FUNC N. */
public final class MicroDriver {
  public static void main(String[] args) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    BenchFunctions f = BenchFunctions.valueOf(args[0].toUpperCase());
    int n = Integer.parseInt(args[1]);
    SplittableRandom random = new SplittableRandom(1);
    List<Trial> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Configuration c = f.space.sample(random);
      history.add(new Trial(i + 1, c, f.evaluate(c)));
    }
    SpaceEncoding encoding = new SpaceEncoding(f.space);
    StrategyContext context =
        new StrategyContext(f.space, history, List.of(), 100, 1, new SplittableRandom(3));
    Observations obs = Observations.of(encoding, context);
    Kernel kernel = new Kernel(encoding.groups());
    double[][] x = obs.successes().toArray(double[][]::new);
    double[] y = OutputWarping.apply(obs.losses());
    MarginalLikelihood ml = new MarginalLikelihood(kernel, x, y);
    double[] theta = new double[kernel.groups() + 2];
    double[] grad = new double[theta.length];
    Acquisition acq = SurrogateModel.acquisition(encoding, obs, context.random());
    for (int round = 0; round < 12; round++) {
      long t0 = bean.getCurrentThreadCpuTime();
      double sink = 0;
      for (int i = 0; i < 1000; i++) {
        sink += ml.negativeLog(theta, grad);
      }
      long t1 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < 10000; i++) {
        sink += acq.value(encoding.randomPoint(random));
      }
      long t2 = bean.getCurrentThreadCpuTime();
      HyperparameterFit.fit(kernel, x, y, new SplittableRandom(round));
      long t3 = bean.getCurrentThreadCpuTime();
      AcquisitionSearch.search(acq, encoding, obs.best(5), new SplittableRandom(round));
      long t4 = bean.getCurrentThreadCpuTime();
      System.out.printf(
          "n=%d lml=%.1fus acq=%.2fus fit=%.2fms search=%.2fms %s%n",
          x.length,
          (t1 - t0) / 1e3 / 1000,
          (t2 - t1) / 1e3 / 10000,
          (t3 - t2) / 1e6,
          (t4 - t3) / 1e6,
          sink > 0 ? "" : " ");
    }
  }
}
