package io.autotune.internal;

import io.autotune.model.Evaluation;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.TaskSpec;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Turns an experiment's outcome into its final record: scored, or failed with a reason. */
final class Scoring {
  private Scoring() {}

  static Experiment finish(Experiment experiment, Outcome outcome, TaskSpec spec) {
    if (outcome.status() != ExperimentStatus.SUCCEEDED) {
      return experiment.finished(
          outcome.status(),
          outcome.at(),
          outcome.metrics(),
          OptionalDouble.empty(),
          outcome.error());
    }
    Map<String, Double> metrics = outcome.metrics();
    Optional<String> problem = problem(metrics);
    if (problem.isPresent()) {
      return experiment.finished(
          ExperimentStatus.FAILED,
          outcome.at(),
          finiteOnly(metrics),
          OptionalDouble.empty(),
          problem);
    }
    Evaluation evaluation = spec.evaluate(metrics);
    if (evaluation instanceof Evaluation.Scored scored) {
      return experiment.finished(
          ExperimentStatus.SUCCEEDED,
          outcome.at(),
          metrics,
          OptionalDouble.of(scored.score()),
          Optional.empty());
    }
    return experiment.finished(
        ExperimentStatus.FAILED,
        outcome.at(),
        metrics,
        OptionalDouble.empty(),
        Optional.of(((Evaluation.Rejected) evaluation).reason()));
  }

  private static Optional<String> problem(Map<String, Double> metrics) {
    if (metrics.isEmpty()) {
      return Optional.of("the runner returned no metrics");
    }
    return metrics.entrySet().stream()
        .filter(e -> e.getValue() == null || !Double.isFinite(e.getValue()))
        .findFirst()
        .map(
            e ->
                "the runner returned a metric that is not a finite number: "
                    + e.getKey()
                    + " = "
                    + e.getValue());
  }

  private static Map<String, Double> finiteOnly(Map<String, Double> metrics) {
    Map<String, Double> finite = new java.util.LinkedHashMap<>();
    metrics.forEach(
        (k, v) -> {
          if (v != null && Double.isFinite(v)) {
            finite.put(k, v);
          }
        });
    return finite;
  }
}
