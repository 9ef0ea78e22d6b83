package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FailuresAndPendingTest {
  private static final SearchSpace PLANE =
      SearchSpace.builder().real("x", 0, 1).real("y", 0, 1).build();
  private final BayesianStrategy strategy = BayesianStrategy.ofDefaults();

  /** Best at (0.3, 0.3); every configuration with x > 0.5 fails (say, out of memory). */
  private static OptionalDouble failsInTheRightHalf(Configuration c) {
    double x = c.getDouble("x");
    double y = c.getDouble("y");
    return x > 0.5 ? OptionalDouble.empty() : OptionalDouble.of(sq(x - 0.3) + sq(y - 0.3));
  }

  /** Improves towards x = 1, but every configuration with x > 0.5 fails. */
  private static OptionalDouble bestAtTheBoundary(Configuration c) {
    double x = c.getDouble("x");
    return x > 0.5 ? OptionalDouble.empty() : OptionalDouble.of(-x + sq(c.getDouble("y") - 0.3));
  }

  private static double sq(double v) {
    return v * v;
  }

  private int lateProposals(
      java.util.function.Function<Configuration, OptionalDouble> objective,
      java.util.function.Predicate<Trial> counted) {
    int count = 0;
    for (long seed = 0; seed < 3; seed++) {
      List<Trial> history = Loop.run(strategy, PLANE, objective, 30, seed);
      count += (int) history.subList(15, 30).stream().filter(counted).count();
    }
    return count;
  }

  @Test
  void laterProposalsMostlyAvoidARegionWhereExperimentsFail() {
    int failed = lateProposals(FailuresAndPendingTest::failsInTheRightHalf, Trial::isFailure);

    // the model has no objective data in the failing half, so without the feasibility model its
    // uncertainty there keeps attracting the search: about two thirds of these would fail
    assertThat(failed).isLessThanOrEqualTo(15); // of 45
  }

  @Test
  void anOptimumAtTheEdgeOfTheFailingRegionIsApproachedWithoutWanderingDeepIntoIt() {
    int deep =
        lateProposals(
            FailuresAndPendingTest::bestAtTheBoundary,
            t -> t.configuration().getDouble("x") > 0.65);
    List<Trial> history =
        Loop.run(strategy, PLANE, FailuresAndPendingTest::bestAtTheBoundary, 30, 7);

    assertThat(deep).isLessThanOrEqualTo(9); // of 45
    assertThat(Loop.best(history)).isLessThan(-0.45);
  }

  @Test
  void aNoisyObjectiveStillDrawsTheSearchToItsOptimum() {
    java.util.SplittableRandom noise = new java.util.SplittableRandom(12);
    List<Trial> history =
        Loop.run(
            strategy,
            PLANE,
            c -> OptionalDouble.of(trueLoss(c) + 0.02 * noise.nextGaussian()),
            30,
            4);

    double[] lastTen =
        history.subList(20, 30).stream()
            .mapToDouble(t -> trueLoss(t.configuration()))
            .sorted()
            .toArray();
    assertThat(lastTen[5]).isLessThan(0.02);
  }

  private static double trueLoss(Configuration c) {
    return sq(c.getDouble("x") - 0.3) + sq(c.getDouble("y") - 0.6);
  }

  @Test
  void parallelSlotsGetDifferentConfigurations() {
    List<Trial> history =
        Loop.run(
            strategy,
            PLANE,
            c ->
                OptionalDouble.of(
                    Math.pow(c.getDouble("x") - 0.2, 2) + Math.pow(c.getDouble("y") - 0.7, 2)),
            15,
            3);
    List<Configuration> pending = new ArrayList<>();
    for (int slot = 0; slot < 4; slot++) {
      pending.add(strategy.propose(Loop.context(PLANE, history, pending, 3)).orElseThrow());
    }

    for (int i = 0; i < pending.size(); i++) {
      for (int j = 0; j < i; j++) {
        double dx = pending.get(i).getDouble("x") - pending.get(j).getDouble("x");
        double dy = pending.get(i).getDouble("y") - pending.get(j).getDouble("y");
        assertThat(Math.hypot(dx, dy)).as("slots %d and %d", i, j).isGreaterThan(0.005);
      }
    }
  }

  @Test
  void parallelSlotsDuringTheInitialDesignTakeDifferentDesignPoints() {
    List<Configuration> pending = new ArrayList<>();
    for (int slot = 0; slot < 3; slot++) {
      pending.add(strategy.propose(Loop.context(PLANE, List.of(), pending, 9)).orElseThrow());
    }

    assertThat(pending).doesNotHaveDuplicates();
  }
}
