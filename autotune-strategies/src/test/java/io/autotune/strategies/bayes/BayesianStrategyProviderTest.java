package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BayesianStrategyProviderTest {
  private static final SearchSpace SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @Test
  void taskJsonFindsTheStrategyByName() {
    assertThat(Strategy.named("bayesian", Map.of())).isInstanceOf(BayesianStrategy.class);
  }

  @Test
  void theInitialDesignSizeIsAnOption() {
    Strategy strategy = Strategy.named("bayesian", Map.of("n_initial_random", 4));

    assertThat(((BayesianStrategy) strategy).initialRandom(SPACE)).isEqualTo(4);
    assertThat(BayesianStrategy.ofDefaults().initialRandom(SPACE)).isEqualTo(5);
  }

  @Test
  void theDefaultDesignIsFiveUpToSixParametersAndGrowsToTenInLargerSpaces() {
    assertThat(BayesianStrategy.ofDefaults().initialRandom(reals(6))).isEqualTo(5);
    assertThat(BayesianStrategy.ofDefaults().initialRandom(reals(8))).isEqualTo(7);
    assertThat(BayesianStrategy.ofDefaults().initialRandom(reals(20))).isEqualTo(10);
  }

  private static SearchSpace reals(int count) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 0; i < count; i++) {
      builder.real("x" + i, 0, 1);
    }
    return builder.build();
  }

  @Test
  void withoutAnInitialDesignTheModelExploresFromTheFirstExperiment() {
    Strategy strategy = Strategy.named("bayesian", Map.of("n_initial_random", 0));

    java.util.List<io.autotune.spi.Trial> history =
        Loop.run(strategy, SPACE, c -> java.util.OptionalDouble.of(c.getDouble("x")), 6, 1);

    assertThat(history).extracting(t -> t.configuration()).doesNotHaveDuplicates();
    // the default starts from its Sobol design instead
    assertThat(history)
        .isNotEqualTo(
            Loop.run(
                BayesianStrategy.ofDefaults(),
                SPACE,
                c -> java.util.OptionalDouble.of(c.getDouble("x")),
                6,
                1));
  }

  @Test
  void anUnknownOptionIsRejectedByItsPath() {
    assertThatThrownBy(() -> Strategy.named("bayesian", Map.of("n_startup", 4)))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("optimization.n_startup")
        .hasMessageContaining("n_initial_random");
  }

  @Test
  void aBadInitialDesignSizeIsRejectedByItsPath() {
    for (Object bad : List.of(-3, 2.5, "ten")) {
      assertThatThrownBy(() -> Strategy.named("bayesian", Map.of("n_initial_random", bad)))
          .isInstanceOf(InvalidTaskException.class)
          .hasMessageContaining("optimization.n_initial_random");
    }
  }
}
