package io.autotune.dashboard;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.TaskSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment measured against its task, as the API shows it: each objective's raw value and each
 * constraint's slack by metric name, in the task's order. The CLI's {@code --json} uses the same
 * names ({@code objectives}, {@code feasible}, {@code slack}). Thread-safe: static functions only.
 */
final class Standings {
  private Standings() {}

  /** The objectives' metrics with their raw values; null unless the experiment succeeded. */
  static Map<String, Double> values(TaskSpec spec, Experiment e) {
    return spec.assess(e).map(a -> values(spec, a)).orElse(null);
  }

  static Map<String, Double> values(TaskSpec spec, Assessment a) {
    Map<String, Double> values = new LinkedHashMap<>();
    List<Objective> objectives = spec.objectives();
    for (int i = 0; i < objectives.size(); i++) {
      values.put(objectives.get(i).metric(), a.values().get(i));
    }
    return values;
  }

  /**
   * The constraints' metrics with their slack, (threshold − actual) / threshold, at least 0 when
   * met; null unless the experiment succeeded.
   */
  static Map<String, Double> slack(TaskSpec spec, Experiment e) {
    return spec.assess(e)
        .map(
            a -> {
              Map<String, Double> slack = new LinkedHashMap<>();
              List<Slo> constraints = spec.constraints();
              for (int i = 0; i < constraints.size(); i++) {
                slack.put(constraints.get(i).metric(), a.slack().get(i));
              }
              return slack;
            })
        .orElse(null);
  }

  /** Whether it met every constraint; null unless it succeeded. */
  static Boolean feasible(TaskSpec spec, Experiment e) {
    return spec.assess(e).map(Assessment::feasible).orElse(null);
  }

  /** Whether legacy penalty (or hard) SLOs can move the score away from the raw value. */
  static boolean hasPenalty(TaskSpec spec) {
    return spec.objective().slos().stream().anyMatch(s -> !s.isConstraint());
  }
}
