package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.space.SearchSpace;
import org.junit.jupiter.api.Test;

class FeasibilityModelTest {

  private static final Kernel KERNEL =
      new Kernel(
          new SpaceEncoding(SearchSpace.builder().real("mem", 0, 1).real("batch", 0, 1).build())
              .groups());

  @Test
  void aBoundaryInOneParameterHoldsAcrossTheOthers() {
    // runs up to mem 0.8 and fails above it (out of memory); seen only at batch 0.1 to 0.5
    double[][] x = {
      {0.2, 0.1},
      {0.4, 0.3},
      {0.6, 0.5},
      {0.3, 0.5},
      {0.7, 0.2},
      {0.5, 0.4},
      {0.85, 0.1},
      {0.9, 0.3},
      {0.95, 0.5}
    };
    boolean[] ok = {true, true, true, true, true, true, false, false, false};
    // the objective model thinks both parameters matter at short range
    FeasibilityModel model = FeasibilityModel.fit(KERNEL, x, ok, new double[] {0.1, 0.1});

    // at batch 0.95, half the range away from every failure along batch
    assertThat(Math.exp(model.logProbability(new double[] {0.92, 0.95}))).isLessThan(0.2);
    assertThat(Math.exp(model.logProbability(new double[] {0.4, 0.95}))).isGreaterThan(0.8);
  }
}
