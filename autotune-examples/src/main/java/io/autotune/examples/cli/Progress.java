package io.autotune.examples.cli;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import java.util.List;
import java.util.Optional;

/** How far a task is: experiments finished (abandoned ones do not count) and the best score. */
record Progress(long finished, Optional<Double> best) {

  static Progress of(Task task, List<Experiment> log) {
    long finished =
        log.stream()
            .filter(e -> e.status().isFinal() && e.status() != ExperimentStatus.ABANDONED)
            .count();
    Optional<Double> best = task.spec().best(log).map(e -> e.score().getAsDouble());
    return new Progress(finished, best);
  }
}
