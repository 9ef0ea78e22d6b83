package io.autotune.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both model-based strategies on a constrained and a two-objective problem, through the SPI: they
 * must find the constrained optimum at the constraint's edge, and spread over a Pareto front.
 */
class ConstraintsAndObjectivesTest {
  private static final SearchSpace SPACE =
      SearchSpace.builder().real("x", 0, 1).real("y", 0, 1).build();

  @ParameterizedTest
  @ValueSource(strings = {"bayesian", "tpe"})
  void theBestFeasibleLiesAtTheConstraintsEdge(String name) {
    // minimise -(x + y) subject to x + y <= 0.8: the unconstrained optimum (2) is infeasible
    Strategy strategy = Strategy.named(name, Map.of());
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      Configuration c = propose(strategy, history, n);
      double sum = c.getDouble("x") + c.getDouble("y");
      history.add(Trial.succeeded(n, c, List.of(-sum), List.of(sum - 0.8)));
    }
    double bestFeasible =
        history.stream()
            .filter(Trial::isFeasible)
            .mapToDouble(t -> -t.losses().get(0))
            .max()
            .orElseThrow();
    long feasibleLate = history.subList(20, 40).stream().filter(Trial::isFeasible).count();
    // random search: about a third of its proposals are feasible
    assertThat(feasibleLate).as("feasible among the last 20").isGreaterThanOrEqualTo(12);
    assertThat(bestFeasible).isBetween(name.equals("bayesian") ? 0.79 : 0.75, 0.8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bayesian", "tpe"})
  void twoObjectivesSpreadOverTheParetoFront(String name) {
    // minimise (x, 1 - x) + y: the front is y = 0, any x
    Strategy strategy = Strategy.named(name, Map.of());
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      Configuration c = propose(strategy, history, n);
      double x = c.getDouble("x");
      double y = c.getDouble("y");
      history.add(Trial.succeeded(n, c, List.of(x + y, 1 - x + y), List.of()));
    }
    List<Trial> late = history.subList(20, 40);
    long nearFront = late.stream().filter(t -> t.configuration().getDouble("y") < 0.1).count();
    long left = late.stream().filter(t -> t.configuration().getDouble("x") < 0.4).count();
    long right = late.stream().filter(t -> t.configuration().getDouble("x") > 0.6).count();
    assertThat(nearFront).as("late proposals near the front").isGreaterThanOrEqualTo(10);
    assertThat(left).as("late proposals at the left end").isPositive();
    assertThat(right).as("late proposals at the right end").isPositive();
  }

  private static Configuration propose(Strategy strategy, List<Trial> history, int n) {
    StrategyContext context =
        new StrategyContext(
            SPACE, history, List.of(), 40, 3, StrategyContext.randomFor(3, history.size()));
    Optional<Configuration> proposal = strategy.propose(context);
    assertThat(proposal).as("proposal %d", n).isPresent();
    return proposal.get();
  }
}
