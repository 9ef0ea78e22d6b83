package io.autotune.internal;

import io.autotune.model.ExperimentStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** How an experiment's run ended, before scoring. */
record Outcome(
    ExperimentStatus status, Map<String, Double> metrics, Optional<String> error, Instant at) {

  /** The outcome with {@code extra} metrics added (the runner's own win on a clash). */
  Outcome withMetrics(Map<String, Double> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    Map<String, Double> all = new java.util.LinkedHashMap<>(extra);
    all.putAll(metrics);
    return new Outcome(status, all, error, at);
  }

  static Outcome returned(Map<String, Double> metrics, Instant at) {
    return new Outcome(ExperimentStatus.SUCCEEDED, metrics, Optional.empty(), at);
  }

  static Outcome failed(String error, Instant at) {
    return new Outcome(ExperimentStatus.FAILED, Map.of(), Optional.of(error), at);
  }

  static Outcome abandoned(String error, Instant at) {
    return new Outcome(ExperimentStatus.ABANDONED, Map.of(), Optional.of(error), at);
  }

  static Outcome timedOut(String error, Instant at) {
    return new Outcome(ExperimentStatus.TIMED_OUT, Map.of(), Optional.of(error), at);
  }
}
