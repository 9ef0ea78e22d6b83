package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpectedHypervolumeImprovementTest {
  private final double[] reference = {4, 4};
  private final List<double[]> front =
      List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1}, new double[] {3, 3});

  @Test
  void theClosedFormAgreesWithMonteCarlo() {
    ExpectedHypervolumeImprovement ehvi = ExpectedHypervolumeImprovement.over(front, reference);
    double[][] predictions = {{1.5, 0.4, 1.5, 0.9}, {0.5, 0.1, 3.5, 0.2}, {5, 0.5, 5, 0.5}};
    for (double[] p : predictions) {
      double exact = Math.exp(ehvi.log(p[0], p[1], p[2], p[3]));
      double sampled = monteCarlo(p, 400_000);
      assertThat(exact)
          .as("prediction %s", java.util.Arrays.toString(p))
          .isCloseTo(sampled, within(0.01 * sampled + 1e-4));
    }
  }

  @Test
  void farBeyondTheFrontItStaysFiniteAndOrdered() {
    ExpectedHypervolumeImprovement ehvi = ExpectedHypervolumeImprovement.over(front, reference);
    double far = ehvi.log(30, 1, 30, 1);
    double farther = ehvi.log(40, 1, 40, 1);
    assertThat(far).isFinite();
    assertThat(farther).isFinite().isLessThan(far);
  }

  @Test
  void anEmptyFrontIsTheProductOfTwoExpectedImprovementsOverTheReference() {
    ExpectedHypervolumeImprovement ehvi = ExpectedHypervolumeImprovement.over(List.of(), reference);
    double psi1 = Math.exp(LogExpectedImprovement.value(3, 0.25, 4));
    double psi2 = Math.exp(LogExpectedImprovement.value(2, 1, 4));
    assertThat(Math.exp(ehvi.log(3, 0.25, 2, 1))).isCloseTo(psi1 * psi2, within(1e-9));
  }

  private double monteCarlo(double[] p, int samples) {
    SplittableRandom random = new SplittableRandom(7);
    double total = 0;
    for (int s = 0; s < samples; s++) {
      double y1 = p[0] + Math.sqrt(p[1]) * random.nextGaussian();
      double y2 = p[2] + Math.sqrt(p[3]) * random.nextGaussian();
      total += improvement(y1, y2);
    }
    return total / samples;
  }

  /** The hypervolume that (y1, y2) adds to the front, from two staircase sums. */
  private double improvement(double y1, double y2) {
    List<double[]> with = new java.util.ArrayList<>(front);
    with.add(new double[] {y1, y2});
    return hypervolume(with) - hypervolume(front);
  }

  private double hypervolume(List<double[]> points) {
    List<double[]> sorted =
        points.stream()
            .filter(p -> p[0] < reference[0] && p[1] < reference[1])
            .sorted(java.util.Comparator.comparingDouble((double[] p) -> p[0]))
            .toList();
    double area = 0;
    double lowest = reference[1];
    for (double[] p : sorted) {
      if (p[1] < lowest) {
        area += (reference[0] - p[0]) * (lowest - p[1]);
        lowest = p[1];
      }
    }
    return area;
  }
}
