package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BayesianStrategyTest {
  private static final SearchSpace MIXED =
      SearchSpace.builder()
          .real("lr", 1e-4, 1e-1, true)
          .real("momentum", 0.5, 0.99)
          .integer("batch", 16, 512, 1, true)
          .integer("workers", 0, 20, 5, false)
          .choice("policy", "lpm", "fcfs", "random")
          .choice("graphs", true, false)
          .build();

  private final BayesianStrategy strategy = BayesianStrategy.ofDefaults();

  private static OptionalDouble mixedObjective(Configuration c) {
    double lr = Math.log10(c.getDouble("lr")) + 2.5;
    double batch = Math.log((double) c.getLong("batch")) / Math.log(512);
    double policy = c.get("policy").equals("fcfs") ? 0 : 1;
    double graphs = Boolean.TRUE.equals(c.get("graphs")) ? 0 : 0.5;
    return OptionalDouble.of(
        lr * lr
            + (c.getDouble("momentum") - 0.9) * 3
            + batch
            + policy
            + graphs
            + c.getLong("workers") / 40.0);
  }

  @Test
  void everyProposalLiesInTheSpaceAndNoneRepeats() {
    List<Trial> history = Loop.run(strategy, MIXED, BayesianStrategyTest::mixedObjective, 25, 3);

    assertThat(history).allSatisfy(t -> assertThat(MIXED.contains(t.configuration())).isTrue());
    assertThat(new HashSet<>(history.stream().map(Trial::configuration).toList())).hasSize(25);
  }

  @Test
  void theSameSeedAndHistoryGiveTheSameProposals() {
    List<Trial> first = Loop.run(strategy, MIXED, BayesianStrategyTest::mixedObjective, 15, 11);
    List<Trial> second =
        Loop.run(
            BayesianStrategy.ofDefaults(), MIXED, BayesianStrategyTest::mixedObjective, 15, 11);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void aProposalIsAFunctionOfTheHistoryAlone() {
    List<Trial> history = Loop.run(strategy, MIXED, BayesianStrategyTest::mixedObjective, 14, 5);
    List<Trial> prefix = history.subList(0, 12);

    Optional<Configuration> replayed = strategy.propose(Loop.context(MIXED, prefix, 5));
    Optional<Configuration> again =
        BayesianStrategy.ofDefaults().propose(Loop.context(MIXED, prefix, 5));

    assertThat(replayed).contains(history.get(12).configuration());
    assertThat(again).isEqualTo(replayed);
  }

  @Test
  void theModelLearnsWhichCategoryIsBest() {
    List<Trial> history = Loop.run(strategy, MIXED, BayesianStrategyTest::mixedObjective, 30, 2);

    long fcfs =
        history.subList(20, 30).stream()
            .filter(t -> t.configuration().get("policy").equals("fcfs"))
            .count();
    assertThat(fcfs).isGreaterThanOrEqualTo(7);
  }

  @Test
  void constantParametersAreProposedExactly() {
    SearchSpace space =
        SearchSpace.builder()
            .real("fixed", 0.7, 0.7)
            .integer("one", 3, 3)
            .integer("stepped", 10, 14, 5, false)
            .choice("only", "x")
            .real("free", -1, 1)
            .build();

    List<Trial> history =
        Loop.run(
            strategy, space, c -> OptionalDouble.of(Math.abs(c.getDouble("free") - 0.3)), 12, 1);

    assertThat(history)
        .allSatisfy(
            t -> {
              assertThat(t.configuration().get("fixed")).isEqualTo(0.7);
              assertThat(t.configuration().get("one")).isEqualTo(3L);
              assertThat(t.configuration().get("stepped")).isEqualTo(10L);
              assertThat(t.configuration().get("only")).isEqualTo("x");
            });
  }

  @Test
  void aSpaceOfConstantsIsProposedOnceThenExhausted() {
    SearchSpace space = SearchSpace.builder().real("a", 1, 1).choice("b", "only").build();

    Configuration only = strategy.propose(Loop.context(space, List.of(), 2)).orElseThrow();
    List<Trial> history = List.of(Trial.succeeded(1, only, 3.0));

    assertThat(only.values()).containsExactly(Map.entry("a", 1.0), Map.entry("b", "only"));
    assertThat(strategy.propose(Loop.context(space, history, 2))).isEmpty();
  }

  @Test
  void aFiniteSpaceIsProposedOnceEachThenExhausted() {
    SearchSpace space = SearchSpace.builder().choice("a", 1, 2).choice("b", "x", "y", "z").build();
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      Configuration c = strategy.propose(Loop.context(space, history, 4)).orElseThrow();
      history.add(Trial.succeeded(n, c, n));
    }

    assertThat(new HashSet<>(history.stream().map(Trial::configuration).toList())).hasSize(6);
    assertThat(strategy.propose(Loop.context(space, history, 4))).isEmpty();
  }

  @Test
  void nanAndInfiniteScoresAndAllFailedHistoriesNeverBreakAProposal() {
    SearchSpace space = SearchSpace.builder().real("x", 0, 1).integer("n", 1, 100).build();
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 14; n++) {
      Configuration c = strategy.propose(Loop.context(space, history, 8)).orElseThrow();
      history.add(Trial.failed(n, c));
    }
    history.add(Trial.succeeded(15, space.sample(new java.util.SplittableRandom(1)), Double.NaN));
    history.add(
        Trial.succeeded(
            16, space.sample(new java.util.SplittableRandom(2)), Double.POSITIVE_INFINITY));

    StrategyContext context = Loop.context(space, history, 8);
    Configuration next = strategy.propose(context).orElseThrow();

    assertThat(space.contains(next)).isTrue();
    assertThat(context.isTaken(next)).isFalse();
  }

  @Test
  void aLargeHistoryWithDuplicatesAndNoiseStillProposes() {
    SearchSpace space = SearchSpace.builder().real("x", 0, 1).build();
    List<Trial> history = new ArrayList<>();
    Configuration same = Configuration.of(java.util.Map.of("x", 0.5));
    for (int n = 1; n <= 90; n++) {
      history.add(
          Trial.succeeded(
              n, n % 2 == 0 ? same : Configuration.of(java.util.Map.of("x", n / 100.0)), n % 7));
    }

    assertThat(strategy.propose(Loop.context(space, history, 1))).isPresent();
  }
}
