package io.autotune.strategies.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutputWarpingTest {

  @Test
  void positiveLossesTurnIntoTheirLogarithms() {
    assertThat(OutputWarping.logMagnitudes(new double[] {1, Math.E, 10}))
        .containsExactly(new double[] {0, 1, Math.log(10)}, within(1e-12));
  }

  @Test
  void aMaximisedThroughputTurnsIntoMinusItsLogarithm() {
    // losses −throughput: 1000, 2000 and 4000 tokens/s
    assertThat(OutputWarping.logMagnitudes(new double[] {-1000, -4000, -2000}))
        .containsExactly(
            new double[] {-Math.log(1000), -Math.log(4000), -Math.log(2000)}, within(1e-12));
  }

  @Test
  void lossesPushedPastZeroByAPenaltyStayWorseThanAllOthersAndInOrder() {
    double[] warped = OutputWarping.logMagnitudes(new double[] {-1000, 5, -1, 1e18, 0, -2, -3});

    assertThat(warped[2]).isGreaterThan(warped[0]); // −1 is worse than −1000
    assertThat(warped[4]).isGreaterThan(warped[2]);
    assertThat(warped[1]).isGreaterThan(warped[4]);
    assertThat(warped[3]).isGreaterThan(warped[1]).isFinite();
  }

  @Test
  void lossesThatStraddleZeroOrStartAtZeroStayAsTheyAre() {
    assertThat(OutputWarping.logMagnitudes(new double[] {-0.5, 0.2, 3}))
        .containsExactly(-0.5, 0.2, 3);
    assertThat(OutputWarping.logMagnitudes(new double[] {0, 3, 7})).containsExactly(0, 3, 7);
  }

  @Test
  void theWarpedValuesAreStandardised() {
    double[] z = OutputWarping.apply(new double[] {-1000, -4000, -2000, 1e18});

    assertThat(java.util.Arrays.stream(z).average().orElseThrow()).isCloseTo(0, within(1e-9));
    assertThat(z[1]).isLessThan(z[2]).isLessThan(z[0]).isLessThan(z[3]);
  }
}
