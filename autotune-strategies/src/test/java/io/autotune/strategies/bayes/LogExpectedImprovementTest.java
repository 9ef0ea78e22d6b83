package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

class LogExpectedImprovementTest {

  private static double directLogH(double z) {
    double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
    double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    return Math.log(pdf + z * cdf);
  }

  @Test
  void matchesTheDirectFormulaWhereThatIsAccurate() {
    for (double z = -8; z <= 5; z += 0.37) {
      assertThat(LogExpectedImprovement.logH(z))
          .as("z=%f", z)
          .isCloseTo(directLogH(z), within(1e-7 * (1 + Math.abs(directLogH(z)))));
    }
  }

  @Test
  void staysFiniteAndDecreasingFarFromTheIncumbent() {
    double previous = Double.POSITIVE_INFINITY;
    for (double z = -1; z > -1e9; z *= 1.7) {
      double value = LogExpectedImprovement.logH(z);
      assertThat(value).as("z=%g", z).isFinite().isLessThan(previous);
      previous = value;
    }
  }

  @Test
  void scaledComplementaryErrorFunctionIsContinuousWhereItsFormulaChanges() {
    assertThat(LogExpectedImprovement.erfcx(2 - 1e-9))
        .isCloseTo(LogExpectedImprovement.erfcx(2), within(1e-9));
    assertThat(LogExpectedImprovement.erfcx(30))
        .isCloseTo(1 / (30 * Math.sqrt(Math.PI)) * (1 - 1 / 1800.0 + 3 / 3240000.0), within(1e-8));
  }
}
