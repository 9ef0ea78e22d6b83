package io.autotune.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.StrategyContract;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GridStrategyTest extends StrategyContract {

  @Override
  protected Strategy strategy() {
    return Strategies.grid(5);
  }

  @Property(tries = 40)
  void coversEveryPointExactlyOnceThenIsExhausted(
      @ForAll long spaceSeed, @ForAll long seed, @ForAll @IntRange(max = 3000) int budget) {
    SearchSpace space = randomSpace(spaceSeed, true);
    List<Configuration> proposed = runToExhaustion(Strategies.grid(), space, budget, seed);
    assertThat(proposed).doesNotHaveDuplicates().hasSize((int) space.size().orElseThrow());
    assertThat(proposed).allSatisfy(c -> assertThat(space.contains(c)).isTrue());
  }

  @Test
  void budgetCoveringTheGridGivesTheCanonicalOrder() {
    SearchSpace space = SearchSpace.builder().integer("a", 1, 2).choice("b", "x", "y").build();
    assertThat(runToExhaustion(Strategies.grid(), space, 4, 1))
        .extracting(c -> c.get("a") + "" + c.get("b"))
        .containsExactly("1x", "1y", "2x", "2y");
  }

  @Test
  void budgetBelowTheGridSizeShufflesTheOrderByTheTaskSeed() {
    SearchSpace space = SearchSpace.builder().integer("a", 0, 9).integer("b", 0, 9).build();
    List<Configuration> canonical = runToExhaustion(Strategies.grid(), space, 100, 1);
    List<Configuration> seed1 = runToExhaustion(Strategies.grid(), space, 99, 1);
    List<Configuration> seed1Again = runToExhaustion(Strategies.grid(), space, 99, 1);
    List<Configuration> seed2 = runToExhaustion(Strategies.grid(), space, 99, 2);
    assertThat(seed1).containsExactlyInAnyOrderElementsOf(canonical).isEqualTo(seed1Again);
    assertThat(seed1.subList(0, 10)).isNotEqualTo(canonical.subList(0, 10));
    assertThat(seed1.subList(0, 10)).isNotEqualTo(seed2.subList(0, 10));
  }

  @Test
  void theOrderIgnoresThePerProposalGenerator() {
    SearchSpace space = SearchSpace.builder().integer("a", 0, 99).build();
    StrategyContext one = new StrategyContext(space, List.of(), List.of(), 10, 5, rng(1));
    StrategyContext other = new StrategyContext(space, List.of(), List.of(), 10, 5, rng(2));
    assertThat(Strategies.grid().propose(one)).isEqualTo(Strategies.grid().propose(other));
  }

  @Test
  void continuousRangeIsRejectedNamingTheParameter() {
    SearchSpace space =
        SearchSpace.builder().integer("tp", 1, 8).real("mem-fraction", 0.6, 0.9).build();
    assertRejectedNaming(Strategies.grid(), space, "mem-fraction");
  }

  @Test
  void realPointsSpreadContinuousRangesEvenlyOnTheirScale() {
    SearchSpace space = SearchSpace.builder().real("lin", 0, 1).real("log", 1, 100, true).build();
    List<Configuration> all = runToExhaustion(Strategies.grid(3), space, 9, 1);
    assertThat(all).extracting(c -> c.get("lin")).containsOnly(0.0, 0.5, 1.0);
    assertThat(all)
        .extracting(c -> c.getDouble("log"))
        .allSatisfy(
            v ->
                assertThat(List.of(1.0, 10.0, 100.0))
                    .anySatisfy(
                        w ->
                            assertThat(v).isCloseTo(w, org.assertj.core.data.Offset.offset(1e-9))));
    assertThat(all).hasSize(9).doesNotHaveDuplicates();
  }

  private static List<Configuration> runToExhaustion(
      Strategy strategy, SearchSpace space, int budget, long seed) {
    List<Trial> history = new ArrayList<>();
    List<Configuration> proposed = new ArrayList<>();
    for (int n = 1; n <= 10_000; n++) {
      StrategyContext context =
          new StrategyContext(space, history, List.of(), budget, seed, rng(n));
      Optional<Configuration> next = strategy.propose(context);
      if (next.isEmpty()) {
        return proposed;
      }
      proposed.add(next.get());
      history.add(n % 4 == 0 ? Trial.failed(n, next.get()) : Trial.succeeded(n, next.get(), n));
    }
    throw new AssertionError("never exhausted; distinct: " + new HashSet<>(proposed).size());
  }

  private static SplittableRandom rng(long seed) {
    return new SplittableRandom(seed);
  }
}
