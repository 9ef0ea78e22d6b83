package io.autotune.model;

import io.autotune.internal.Pareto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Best and Pareto-optimal experiments of a log, by a task's objectives and constraints. */
final class Ranking {
  private Ranking() {}

  static Optional<Experiment> best(TaskSpec spec, List<Experiment> log) {
    Direction direction = spec.objective().direction();
    Comparator<Experiment> byLoss =
        Comparator.comparingDouble(e -> direction.toLoss(e.score().getAsDouble()));
    return feasible(spec, log).stream().min(byLoss.thenComparingInt(Experiment::number));
  }

  static List<Experiment> paretoFront(TaskSpec spec, List<Experiment> log) {
    return Pareto.front(feasible(spec, log), e -> losses(spec, e));
  }

  /**
   * A succeeded experiment's losses, lower is better: the first objective's score (its raw value,
   * or with the legacy SLO penalty where the task has one), then the other objectives' values.
   */
  static List<Double> losses(TaskSpec spec, Experiment e) {
    List<Objective> objectives = spec.objectives();
    List<Double> losses = new ArrayList<>();
    losses.add(objectives.get(0).direction().toLoss(e.score().getAsDouble()));
    for (int i = 1; i < objectives.size(); i++) {
      Objective o = objectives.get(i);
      losses.add(o.direction().toLoss(e.metrics().get(o.metric())));
    }
    return losses;
  }

  private static List<Experiment> feasible(TaskSpec spec, List<Experiment> log) {
    return log.stream()
        .filter(e -> Assessment.of(spec, e).map(Assessment::feasible).orElse(false))
        .toList();
  }
}
