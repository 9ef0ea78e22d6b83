package io.autotune.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.InvalidTaskException;
import io.autotune.space.SearchSpace;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrategyProvidersTest {
  private static final SearchSpace SPACE =
      SearchSpace.builder().integer("tp", 1, 8).real("mem", 0.6, 0.9).build();

  @Test
  void everyBuiltInStrategyIsFoundByNameAndProposes() {
    for (String name : List.of("random", "tpe")) {
      assertThat(Strategy.named(name, Map.of()).propose(context()))
          .hasValueSatisfying(c -> assertThat(SPACE.contains(c)).isTrue());
    }
    assertThat(Strategy.named("grid", Map.of("real_points", 4)).propose(context())).isPresent();
  }

  @Test
  void tpeOptionsAreReadFromTaskJsonNames() {
    Strategy tpe =
        Strategy.named(
            "tpe",
            Map.of(
                "multivariate",
                false,
                "n_initial_random",
                3,
                "n_ei_candidates",
                12,
                "prior_weight",
                0.5));
    assertThat(tpe.toString()).contains("multivariate=false", "initialRandom=3", "candidates=12");
  }

  @Test
  void tpeAcceptsNoRandomStartButNotANegativeOne() {
    Strategy tpe = Strategy.named("tpe", Map.of("n_initial_random", 0));

    // nothing succeeded yet: a random draw, as with any start
    assertThat(tpe.propose(context())).isPresent();
    assertThat(tpe.toString()).contains("initialRandom=0");
    assertThatThrownBy(() -> Strategy.named("tpe", Map.of("n_initial_random", -1)))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("optimization.n_initial_random: must be at least 0, but was -1");
  }

  @Test
  void unknownOptionIsRejectedWithItsPath() {
    assertThatThrownBy(() -> Strategy.named("tpe", Map.of("n_startup", 5)))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("optimization.n_startup")
        .hasMessageContaining("n_initial_random");
  }

  @Test
  void invalidOptionValueIsRejectedWithItsPath() {
    assertThatThrownBy(() -> Strategy.named("grid", Map.of("real_points", 1)))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("optimization.real_points: must be at least 2, but was 1");
    assertThatThrownBy(() -> Strategy.named("tpe", Map.of("multivariate", "yes")))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("optimization.multivariate");
  }

  @Test
  void gridWithoutRealPointsRejectsAContinuousRangeByName() {
    assertThatThrownBy(() -> Strategy.named("grid", Map.of()).validate(SPACE))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining("parameters.mem")
        .hasMessageContaining("real_points");
  }

  private static StrategyContext context() {
    return new StrategyContext(SPACE, List.of(), List.of(), 10, 1, new SplittableRandom(1));
  }
}
