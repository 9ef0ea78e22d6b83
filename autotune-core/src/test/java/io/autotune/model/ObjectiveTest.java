package io.autotune.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectiveTest {
  private static final double STEEPNESS = 0.1;

  @Test
  void aMetSloLeavesTheScoreAlone() {
    Objective o =
        Objective.maximize("throughput").withSlos(List.of(Slo.soft("ttft", 1.0)), STEEPNESS);
    assertThat(o.evaluate(Map.of("throughput", 1000.0, "ttft", 0.8)))
        .isEqualTo(new Evaluation.Scored(1000.0, 1000.0, 0.0));
  }

  @Test
  void aViolatedSoftSloPenalisesWithThePredecessorsMath() {
    // ratio = (1.05 - 1.0) / 1.0 = 0.05; penalty = 1 * exp(0.05 / 0.1) = 1.6487
    Objective max =
        Objective.maximize("throughput").withSlos(List.of(Slo.soft("ttft", 1.0)), STEEPNESS);
    Evaluation.Scored scored =
        (Evaluation.Scored) max.evaluate(Map.of("throughput", 1000.0, "ttft", 1.05));
    assertThat(scored.penalty()).isCloseTo(Math.exp(0.5), within(1e-12));
    assertThat(scored.score()).isCloseTo(1000.0 - Math.exp(0.5) * 1000.0, within(1e-9));

    Objective min =
        Objective.minimize("latency").withSlos(List.of(Slo.soft("ttft", 1.0)), STEEPNESS);
    Evaluation.Scored minScored =
        (Evaluation.Scored) min.evaluate(Map.of("latency", 2.0, "ttft", 1.05));
    assertThat(minScored.score()).isCloseTo(2.0 + Math.exp(0.5) * 2.0, within(1e-9));
  }

  @Test
  void aViolatingRunNeverLooksBetterForEitherDirectionEvenWithANegativeBase() {
    for (Direction direction : Direction.values()) {
      Objective o =
          new Objective("m", direction, List.of(new Slo("ttft", 1.0, false, 0, 0.5)), STEEPNESS);
      for (double base : new double[] {-500, -1, 0.5, 300}) {
        double clean = ((Evaluation.Scored) o.evaluate(Map.of("m", base, "ttft", 0.5))).score();
        double violating = ((Evaluation.Scored) o.evaluate(Map.of("m", base, "ttft", 1.2))).score();
        assertThat(direction.isBetter(violating, clean)).as(direction + " base " + base).isFalse();
      }
    }
  }

  @Test
  void aHardSloFailsOnlyPastItsFailRatio() {
    Objective o =
        Objective.maximize("throughput").withSlos(List.of(Slo.hard("ttft", 1.0, 0.5)), STEEPNESS);
    assertThat(o.evaluate(Map.of("throughput", 10.0, "ttft", 1.4)))
        .isInstanceOf(Evaluation.Scored.class);
    assertThat(o.evaluate(Map.of("throughput", 10.0, "ttft", 1.6)))
        .isEqualTo(
            new Evaluation.Rejected(
                "hard SLO violated: ttft = 1.600 exceeds threshold 1.000 by 60.0% (allowed 50.0%)"));
  }

  @Test
  void penaltiesOfSeveralSlosAddUp() {
    Objective o =
        Objective.minimize("latency")
            .withSlos(
                List.of(new Slo("ttft", 1.0, false, 0, 2.0), new Slo("tpot", 0.1, false, 0, 1.0)),
                0.2);
    Evaluation.Scored s =
        (Evaluation.Scored) o.evaluate(Map.of("latency", 4.0, "ttft", 1.1, "tpot", 0.12));
    double expected = 2.0 * Math.exp(0.1 / 0.2) + Math.exp(0.2 / 0.2);
    assertThat(s.penalty()).isCloseTo(expected, within(1e-9));
    assertThat(s.score()).isCloseTo(4.0 + expected * 4.0, within(1e-9));
  }

  @Test
  void missingOrNonFiniteMetricsAreRejectedWithTheReason() {
    Objective o = Objective.minimize("latency").withSlos(List.of(Slo.soft("ttft", 1.0)), STEEPNESS);
    assertThat(o.evaluate(Map.of("ttft", 1.0)))
        .isEqualTo(
            new Evaluation.Rejected("metric 'latency' is missing; the runner reported [ttft]"));
    assertThat(o.evaluate(Map.of("latency", Double.NaN)))
        .isEqualTo(new Evaluation.Rejected("metric 'latency' is not a finite number: NaN"));
    assertThat(o.evaluate(Map.of("latency", 1.0)))
        .isEqualTo(new Evaluation.Rejected("SLO metrics missing from the runner's result: [ttft]"));
  }
}
