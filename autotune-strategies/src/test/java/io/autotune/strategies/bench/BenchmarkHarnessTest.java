package io.autotune.strategies.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.strategies.Strategies;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkHarnessTest {

  @Test
  void curveIsTheBestValueSoFarAndNeverRises() {
    BenchmarkRun run =
        BenchmarkHarness.runSeed(BenchmarkFunction.BRANIN, "random", Strategies.random(), 3, 25);
    assertThat(run.curve()).hasSize(25);
    for (int i = 1; i < run.curve().size(); i++) {
      assertThat(run.curve().get(i)).isLessThanOrEqualTo(run.curve().get(i - 1));
    }
    assertThat(run.curve().get(24)).isGreaterThanOrEqualTo(BenchmarkFunction.BRANIN.optimum());
  }

  @Test
  void sameSeedGivesTheSameCurve() {
    BenchmarkRun a =
        BenchmarkHarness.runSeed(BenchmarkFunction.SERVING_SIM, "tpe", Strategies.tpe(), 7, 30);
    BenchmarkRun b =
        BenchmarkHarness.runSeed(BenchmarkFunction.SERVING_SIM, "tpe", Strategies.tpe(), 7, 30);
    assertThat(a.curve()).isEqualTo(b.curve());
  }

  @Test
  void jsonLineHasTheShapeOfOptunaRefPy() {
    BenchmarkRun run =
        new BenchmarkRun("branin", "tpe", 2, List.of(Double.POSITIVE_INFINITY, 1.5), 0.25, 0.5);
    assertThat(run.toJson())
        .isEqualTo(
            "{\"func\": \"branin\", \"sampler\": \"tpe\", \"seed\": 2, \"curve\": [Infinity, 1.5],"
                + " \"ask_ms_median\": 0.25, \"ask_ms_last10\": 0.5}");
  }

  @Test
  void exhaustedStrategyEndsTheRunEarly() {
    BenchmarkRun run =
        BenchmarkHarness.runSeed(BenchmarkFunction.BRANIN, "grid", Strategies.grid(3), 0, 60);
    assertThat(run.curve()).hasSize(9);
  }

  @Test
  void summaryIsTheMedianRegretAtEachCheckpoint() {
    List<BenchmarkRun> runs =
        List.of(
            new BenchmarkRun("branin", "x", 0, List.of(5.0, 3.0, 1.397887), 0, 0),
            new BenchmarkRun("branin", "x", 1, List.of(7.0, 7.0, 2.397887), 0, 0));
    BenchmarkSummary summary = BenchmarkSummary.of(BenchmarkFunction.BRANIN, runs);
    assertThat(summary.regret()).isEmpty(); // fewer than 10 experiments: no checkpoint reached
    assertThat(BenchmarkSummary.fourSignificant(0.065823)).isEqualTo("0.06582");
    assertThat(BenchmarkSummary.fourSignificant(397.0)).isEqualTo("397");
    assertThat(BenchmarkSummary.fourSignificant(12345.0)).isEqualTo("1.234e+04");
    assertThat(BenchmarkSummary.median(java.util.stream.DoubleStream.of(4, 1, 3, 2)))
        .isEqualTo(2.5);
  }
}
