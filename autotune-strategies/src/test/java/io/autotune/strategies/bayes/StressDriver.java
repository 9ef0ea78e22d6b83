package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/** Wall time of single proposals in awkward spaces and long histories. Not a unit test. */
public final class StressDriver {
  public static void main(String[] args) {
    SearchSpace.Builder wide = SearchSpace.builder();
    for (int i = 0; i < 20; i++) {
      wide.real("r" + i, 0, 1);
    }
    Object[] many = new Object[60];
    for (int i = 0; i < many.length; i++) {
      many[i] = "v" + i;
    }
    wide.choice("many", many).integer("n", 1, 1_000_000, 1, true);
    time("22 parameters, 100 finished", wide.build(), 100);
    time("22 parameters, 30% failed, 300 finished", wide.build(), 300);
    time("1 real, 600 finished", SearchSpace.builder().real("x", 0, 1).build(), 600);
  }

  private static void time(String label, SearchSpace space, int n) {
    SplittableRandom random = new SplittableRandom(1);
    List<Trial> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Configuration c = space.sample(random);
      boolean fail = label.contains("failed") && random.nextDouble() < 0.3;
      history.add(
          new Trial(
              i + 1, c, fail ? OptionalDouble.empty() : OptionalDouble.of(random.nextGaussian())));
    }
    BayesianStrategy strategy = BayesianStrategy.ofDefaults();
    for (int r = 0; r < 3; r++) {
      long t0 = System.nanoTime();
      Configuration c = strategy.propose(Loop.context(space, history, 1)).orElseThrow();
      System.out.printf(
          "%s: %.1f ms in space %s%n", label, (System.nanoTime() - t0) / 1e6, space.contains(c));
    }
  }
}
