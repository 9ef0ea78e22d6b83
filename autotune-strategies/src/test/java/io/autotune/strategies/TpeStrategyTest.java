package io.autotune.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.ChoiceParameter;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContract;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract for multivariate TPE, plus what TPE learns from failures. */
class TpeStrategyTest extends StrategyContract {

  @Override
  protected Strategy strategy() {
    return Strategies.tpe();
  }

  @Test
  void failuresSteerProposalsAwayFromTheInfeasibleRegion() {
    SearchSpace space = SearchSpace.builder().real("x", 0, 1).real("y", 0, 1).build();
    int infeasibleProposals = 0;
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 60; n++) {
      Configuration c = strategy().propose(context(space, history, List.of(), 21)).orElseThrow();
      boolean infeasible = c.getDouble("x") > 0.6;
      infeasibleProposals += n > 30 && infeasible ? 1 : 0;
      double loss = Math.abs(c.getDouble("x") - 0.3) + Math.abs(c.getDouble("y") - 0.5);
      history.add(infeasible ? Trial.failed(n, c) : Trial.succeeded(n, c, loss));
    }
    // Random search would put 40 % of the last 30 proposals (12) in the infeasible part.
    assertThat(infeasibleProposals).isLessThan(6);
  }

  @Test
  void categoricalKernelLearnsTheBestChoiceAmongMany() {
    List<Object> policies = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      policies.add("policy-" + i);
    }
    SearchSpace space =
        SearchSpace.builder()
            .add(new ChoiceParameter("policy", policies))
            .real("noise", 0, 1)
            .build();
    int bestChosen = 0;
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 60; n++) {
      Configuration c = strategy().propose(context(space, history, List.of(), 5)).orElseThrow();
      int index = policies.indexOf(c.get("policy"));
      bestChosen += n > 30 && index == 7 ? 1 : 0;
      history.add(Trial.succeeded(n, c, Math.abs(index - 7) + c.getDouble("noise")));
    }
    // Random search would choose policy-7 in one of 12 proposals (2.5 of the last 30).
    assertThat(bestChosen).isGreaterThan(10);
  }
}
