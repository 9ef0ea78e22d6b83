package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.autotune.AutotuneException;
import io.autotune.model.Evaluation;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InferenceMetricsTest {

  /** A level with fixed numbers: ttft mean = ttft, 100 requests, 4 of them failed. */
  private static LevelResult level(int concurrency, double ttft, double total, double output) {
    return new LevelResult(
        "D(100,100)",
        Load.concurrency(concurrency),
        100,
        4,
        10.0,
        new Summary(ttft, ttft * 0.9, ttft * 1.5, ttft * 2),
        new Summary(0.02, 0.02, 0.03, 0.04),
        new Summary(2.0, 1.9, 2.5, 3.0),
        output,
        total,
        9.6,
        100,
        100,
        List.of(),
        Optional.empty());
  }

  @Test
  void levelsThatBreakAHardSloAreLeftOutOfTheAggregate() {
    // ttft threshold 0.5 s, hard with fail ratio 0.5: a level fails above 0.75 s
    List<Slo> slos = List.of(Slo.hard("ttft", 0.5, 0.5));
    List<LevelResult> levels =
        List.of(level(1, 0.2, 1000, 500), level(8, 0.6, 3000, 1500), level(32, 0.9, 5000, 2500));

    Map<String, Double> metrics = InferenceMetrics.aggregate(levels, 2, slos);

    assertThat(metrics.get("levels")).isEqualTo(3);
    assertThat(metrics.get("levels_kept")).isEqualTo(2);
    assertThat(metrics.get("ttft")).isCloseTo((0.2 + 0.6) / 2, within(1e-12));
    assertThat(metrics.get("total_throughput")).isCloseTo(2000, within(1e-9));
    assertThat(metrics.get("throughput")).isCloseTo(1000, within(1e-9));
    assertThat(metrics.get("output_throughput_per_gpu")).isCloseTo(500, within(1e-9));
    assertThat(metrics.get("max_total_throughput")).isCloseTo(3000, within(1e-9));
    assertThat(metrics.get("requests")).isEqualTo(200);
    assertThat(metrics.get("errors")).isEqualTo(8);
    assertThat(metrics.get("success_rate")).isCloseTo(0.96, within(1e-12));
  }

  @Test
  void whenEveryLevelBreaksAHardSloAllAreKeptAndTheObjectiveRejectsTheRun() {
    Objective objective =
        Objective.maximize("throughput").withSlos(List.of(Slo.hard("ttft", 0.1, 0.5)), 0.1);
    List<LevelResult> levels = List.of(level(1, 0.2, 1000, 500), level(8, 0.4, 3000, 1500));

    Map<String, Double> metrics = InferenceMetrics.aggregate(levels, 1, objective.slos());

    assertThat(metrics.get("levels_kept")).isEqualTo(2);
    assertThat(metrics.get("ttft")).isCloseTo(0.3, within(1e-12));
    assertThat(objective.evaluate(metrics)).isInstanceOf(Evaluation.Rejected.class);
  }

  @Test
  void aSoftSloKeepsEveryLevelAndThePenaltyFollowsThePredecessorsFormula() {
    Objective objective =
        Objective.maximize("throughput").withSlos(List.of(Slo.soft("latency_p90", 2.0)), 0.1);
    List<LevelResult> levels = List.of(level(1, 0.2, 1000, 500), level(8, 0.4, 3000, 1500));

    Map<String, Double> metrics = InferenceMetrics.aggregate(levels, 1, objective.slos());
    Evaluation.Scored scored = (Evaluation.Scored) objective.evaluate(metrics);

    // latency p90 = 2.5 s against 2.0 s: ratio 0.25, penalty exp(0.25 / 0.1)
    double penalty = Math.exp(2.5);
    assertThat(metrics.get("levels_kept")).isEqualTo(2);
    assertThat(scored.penalty()).isCloseTo(penalty, within(1e-9));
    assertThat(scored.score()).isCloseTo(2000 - penalty * 2000, within(1e-6));
  }

  @Test
  void throughputFallsBackToOutputTokensWhenTotalIsUnknown() {
    LevelResult noTotal = level(4, 0.2, Double.NaN, 800);

    Map<String, Double> metrics = InferenceMetrics.aggregate(List.of(noTotal), 4, List.of());

    assertThat(metrics).doesNotContainKey("total_throughput");
    assertThat(metrics.get("throughput")).isCloseTo(200, within(1e-9));
  }

  @Test
  void aBenchmarkWithoutASingleSuccessIsAnErrorThatShowsWhy() {
    LevelResult failed =
        new LevelResult(
            "D(100,100)",
            Load.concurrency(1),
            3,
            3,
            1.0,
            Summary.EMPTY,
            Summary.EMPTY,
            Summary.EMPTY,
            0,
            0,
            0,
            Double.NaN,
            Double.NaN,
            List.of("HTTP 500: out of memory"),
            Optional.empty());

    assertThatThrownBy(() -> InferenceMetrics.aggregate(List.of(failed), 1, List.of()))
        .isInstanceOf(AutotuneException.class)
        .hasMessageContaining("no successful request (3 sent)")
        .hasMessageContaining("HTTP 500: out of memory");
  }

  @Test
  void levelMetricsUseTheAggregateNames() {
    Map<String, Double> metrics = InferenceMetrics.ofLevel(level(1, 0.2, 1000, 500), 2);

    assertThat(metrics)
        .containsKeys(
            "throughput",
            "latency",
            "latency_p50",
            "latency_p90",
            "latency_p99",
            "ttft",
            "ttft_p99",
            "tpot",
            "tpot_p90",
            "output_throughput",
            "total_throughput",
            "request_throughput",
            "success_rate");
    assertThat(metrics.get("latency_p90")).isEqualTo(2.5);
  }
}
