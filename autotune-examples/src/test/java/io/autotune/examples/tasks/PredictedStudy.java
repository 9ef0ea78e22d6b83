package io.autotune.examples.tasks;

import io.autotune.Study;
import io.autotune.examples.sim.SimulatedOptimum;
import io.autotune.model.Direction;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.spi.Strategy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Runs a task's strategy on the simulated server's prediction instead of the server: each
 * experiment "measures" its predicted score times 0.95 ± 0.03, the spread SimulatorCalibration
 * measured. From the repository root, with {@code $CP} the examples' test classpath: {@code java
 * -cp $CP io.autotune.examples.tasks.PredictedStudy examples/tasks/quickstart.json bayesian 100 20
 * 30 40} prints, per budget, for how many of 100 seeds the best configuration of {@code bayesian}
 * is within 10 % of the optimum. Stateless.
 */
final class PredictedStudy {

  private PredictedStudy() {}

  /**
   * The predicted score of the best measured configuration after {@code budget} experiments of the
   * task's strategy with this seed.
   */
  static double bestPredicted(TaskSpec spec, SimulatedOptimum simulated, long seed, int budget) {
    if (spec.objective().direction() != Direction.MAXIMIZE) {
      // "within 10 %" and the noise below are those of a throughput
      throw new IllegalArgumentException(
          "PredictedStudy judges maximised objectives, but " + spec.name() + " minimises");
    }
    Strategy strategy = Strategy.named(spec.strategy(), spec.strategyOptions());
    Study study = Study.of(spec.space(), strategy, spec.objective().direction(), seed, budget);
    SplittableRandom noise = new SplittableRandom(seed);
    double bestMeasured = Double.NEGATIVE_INFINITY;
    double bestPredicted = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < budget; i++) {
      Study.Suggestion suggestion = study.ask().orElseThrow();
      OptionalDouble predicted = simulated.score(suggestion.configuration());
      if (predicted.isEmpty()) {
        study.fail(suggestion.number());
        continue;
      }
      double measured = predicted.getAsDouble() * (0.95 + 0.03 * gaussian(noise));
      study.tell(suggestion.number(), measured);
      if (measured > bestMeasured) {
        bestMeasured = measured;
        bestPredicted = predicted.getAsDouble();
      }
    }
    return bestPredicted;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian in Java 17
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  public static void main(String[] args) {
    TaskSpec task = TaskJson.read(Path.of(args[0]));
    // the task's own strategy keeps its options
    TaskSpec spec =
        task.strategy().equals(args[1]) ? task : task.withStrategy(args[1], java.util.Map.of());
    int seeds = Integer.parseInt(args[2]);
    SimulatedOptimum simulated = SimulatedOptimum.of(spec);
    double optimum = simulated.find().score();
    for (int a = 3; a < args.length; a++) {
      int budget = Integer.parseInt(args[a]);
      double[] ratios = new double[seeds];
      for (int seed = 0; seed < seeds; seed++) {
        ratios[seed] = bestPredicted(spec, simulated, seed, budget) / optimum;
      }
      Arrays.sort(ratios);
      long within = Arrays.stream(ratios).filter(r -> r >= 0.9).count();
      System.out.printf(
          Locale.ROOT,
          "%s, %s, %d experiments: %d of %d seeds within 10 %% of %.1f; median %.3f, worst %.3f%n",
          spec.name(),
          spec.strategy(),
          budget,
          within,
          seeds,
          optimum,
          ratios[seeds / 2],
          ratios[0]);
    }
  }
}
