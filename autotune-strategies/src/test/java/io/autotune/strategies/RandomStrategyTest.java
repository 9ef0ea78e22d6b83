package io.autotune.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.StrategyContract;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStrategyTest extends StrategyContract {

  @Override
  protected Strategy strategy() {
    return Strategies.random();
  }

  @Test
  void doesNotRepeatAConfigurationUntilAllAreUsed() {
    SearchSpace space =
        SearchSpace.builder().choice("policy", "lpm", "fcfs", "random").integer("tp", 1, 4).build();
    List<Trial> history = new ArrayList<>();
    for (int n = 1; n <= 12; n++) {
      Configuration next = Strategies.random().propose(context(space, history, List.of(), 9)).get();
      history.add(Trial.succeeded(n, next, n));
    }
    assertThat(history).extracting(Trial::configuration).doesNotHaveDuplicates();
    assertThat(Strategies.random().propose(context(space, history, List.of(), 9)))
        .hasValueSatisfying(c -> assertThat(space.contains(c)).isTrue());
  }

  @Test
  void logScaleSpreadsValuesEvenlyOverOrdersOfMagnitude() {
    SearchSpace space = SearchSpace.builder().integer("batch", 1, 10_000, 1, true).build();
    int below100 = 0;
    for (int i = 0; i < 2000; i++) {
      StrategyContext context =
          new StrategyContext(space, List.of(), List.of(), 100, 1, new SplittableRandom(i));
      below100 += Strategies.random().propose(context).get().getLong("batch") < 100 ? 1 : 0;
    }
    // Half of the log range [1, 10^4] lies below 100; a uniform scale would put 1 % there.
    assertThat(below100).isBetween(850, 1150);
  }
}
