package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autotune.space.SearchSpace;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalLikelihoodTest {

  @Test
  void analyticGradientMatchesFiniteDifferencesOnAMixedSpace() {
    SearchSpace space =
        SearchSpace.builder()
            .real("a", 0, 1)
            .integer("b", 1, 64, 1, true)
            .choice("c", "x", "y", "z")
            .build();
    SpaceEncoding encoding = new SpaceEncoding(space);
    SplittableRandom random = new SplittableRandom(5);
    int n = 15;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = encoding.randomPoint(random);
      y[i] = Math.sin(6 * x[i][0]) + x[i][1] + x[i][3] + 0.1 * random.nextGaussian();
    }
    MarginalLikelihood likelihood =
        new MarginalLikelihood(new Kernel(encoding.groups()), x, OutputWarping.standardise(y));
    double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(1.5), Math.log(1.2), Math.log(0.01)};
    double[] gradient = new double[theta.length];
    likelihood.negativeLog(theta, gradient);
    for (int k = 0; k < theta.length; k++) {
      double h = 1e-5;
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[k] += h;
      down[k] -= h;
      double numeric =
          (likelihood.negativeLog(up, null) - likelihood.negativeLog(down, null)) / (2 * h);
      assertThat(gradient[k])
          .as("d/dtheta[%d]", k)
          .isCloseTo(numeric, within(1e-4 * (1 + Math.abs(numeric))));
    }
  }
}
