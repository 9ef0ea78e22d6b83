package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.space.Configuration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  private static final Objective THROUGHPUT_WITH_SLOS =
      Objective.maximize("throughput")
          .withSlos(List.of(Slo.soft("ttft", 0.2), Slo.soft("latency_p99", 2.0)), 0.1);

  private static Experiment succeeded(Map<String, Double> metrics) {
    Instant at = Instant.parse("2026-11-30T12:00:00Z");
    return Experiment.pending("t", 1, Configuration.of(Map.of("x", 1.0)), at, "w", 1)
        .inPhase(ExperimentStatus.DEPLOYING, at)
        .finished(
            ExperimentStatus.SUCCEEDED,
            at.plusSeconds(5),
            metrics,
            OptionalDouble.of(-8.4e18),
            Optional.empty());
  }

  @Test
  void aLineNamesEverySloTheExperimentBroke() {
    Experiment e = succeeded(Map.of("throughput", 4500.0, "ttft", 0.912, "latency_p99", 3.5));

    assertThat(ProgressPrinter.brokenSlos(THROUGHPUT_WITH_SLOS, e))
        .isEqualTo("  over SLO: ttft 0.912 > 0.2, latency_p99 3.5 > 2");
  }

  @Test
  void aLineWithinItsSlosOrWithoutTheMetricSaysNothingMore() {
    assertThat(ProgressPrinter.brokenSlos(THROUGHPUT_WITH_SLOS, succeeded(Map.of("ttft", 0.1))))
        .isEmpty();
    assertThat(ProgressPrinter.brokenSlos(Objective.maximize("throughput"), succeeded(Map.of())))
        .isEmpty();
  }
}
