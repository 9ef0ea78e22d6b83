package io.autotune.internal;

import io.autotune.model.Direction;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The best succeeded experiment of a log. */
public final class Best {
  private Best() {}

  public static Optional<Experiment> of(List<Experiment> log, Direction direction) {
    Comparator<Experiment> byLoss =
        Comparator.comparingDouble(e -> direction.toLoss(e.score().getAsDouble()));
    return log.stream()
        .filter(e -> e.status() == ExperimentStatus.SUCCEEDED && e.score().isPresent())
        .min(byLoss.thenComparingInt(Experiment::number));
  }
}
