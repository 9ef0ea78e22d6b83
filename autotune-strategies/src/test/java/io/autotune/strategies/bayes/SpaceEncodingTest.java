package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceEncodingTest {
  private static final SearchSpace SPACE =
      SearchSpace.builder()
          .integer("n", 8, 512, 1, true)
          .choice("policy", "a", "b", "c")
          .real("fixed", 2, 2)
          .integer("step", 0, 100, 10, false)
          .build();
  private final SpaceEncoding encoding = new SpaceEncoding(SPACE);

  @Test
  void choicesAreOneHotAndConstantsTakeNoFeature() {
    Configuration c = Configuration.of(Map.of("n", 8, "policy", "b", "fixed", 2.0, "step", 30));

    double[] x = encoding.encode(c).orElseThrow();

    assertThat(encoding.features()).isEqualTo(5);
    assertThat(x).containsExactly(x[0], 0.0, 1.0, 0.0, x[4]);
  }

  @Test
  void decodingAnEncodedConfigurationGivesItBack() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      Configuration c = SPACE.sample(random);
      assertThat(encoding.decode(encoding.encode(c).orElseThrow())).isEqualTo(c);
    }
  }

  @Test
  void aValueOutsideTheSpaceIsNotEncoded() {
    Configuration c = Configuration.of(Map.of("n", 8, "policy", "zzz", "fixed", 2.0, "step", 30));

    assertThat(encoding.encode(c)).isEmpty();
  }
}
