package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void percentilesInterpolateBetweenClosestRanksLikeNumpy() {
    // numpy.percentile([10, 1, 2, ..., 9], [50, 90, 99]) == [5.5, 9.1, 9.91]
    Summary summary = Summary.of(new double[] {10, 1, 2, 3, 4, 5, 6, 7, 8, 9});

    assertThat(summary.mean()).isCloseTo(5.5, within(1e-12));
    assertThat(summary.p50()).isCloseTo(5.5, within(1e-12));
    assertThat(summary.p90()).isCloseTo(9.1, within(1e-12));
    assertThat(summary.p99()).isCloseTo(9.91, within(1e-12));
  }

  @Test
  void nothingMeasuredIsEmptyNotZero() {
    assertThat(Summary.of(new double[0]).isEmpty()).isTrue();
    assertThat(Summary.of(new double[] {0.25}).p99()).isEqualTo(0.25);
  }
}
