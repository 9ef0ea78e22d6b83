package io.autotune.inference;

import io.autotune.model.Slo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a level meets a task's SLOs for goodput: every SLO's metric at or below its threshold
 * (soft and hard alike; fail ratios do not apply), enough requests succeeded, and the level was not
 * stopped early. Immutable; thread-safe.
 */
record SloCheck(List<Slo> slos, double minSuccessRate) {

  SloCheck {
    slos = List.copyOf(slos);
  }

  /** Why {@code level} does not meet the SLOs; empty if it does. */
  Optional<String> miss(LevelResult level, int gpus) {
    if (level.stoppedEarly().isPresent()) {
      return level.stoppedEarly();
    }
    if (level.successRate() < minSuccessRate) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "success rate %.3f < %.3f (%d of %d requests failed)",
              level.successRate(),
              minSuccessRate,
              level.errors(),
              level.requests()));
    }
    Map<String, Double> metrics = InferenceMetrics.ofLevel(level, gpus);
    for (Slo slo : slos) {
      Double actual = metrics.get(slo.metric());
      if (actual == null) {
        return Optional.of("no " + slo.metric() + " measured");
      }
      if (actual > slo.threshold()) {
        return Optional.of(
            String.format(Locale.ROOT, "%s %.4g > %.4g", slo.metric(), actual, slo.threshold()));
      }
    }
    return Optional.empty();
  }
}
