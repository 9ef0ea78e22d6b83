package io.autotune.examples.cli;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import java.util.List;
import java.util.Optional;

/**
 * How far a task is: experiments finished (abandoned ones do not count), succeeded, feasible (met
 * every constraint), and the best feasible score (the first objective's value).
 */
record Progress(long finished, long succeeded, long feasible, Optional<Double> best) {

  static Progress of(Task task, List<Experiment> log) {
    long finished =
        log.stream()
            .filter(e -> e.status().isFinal() && e.status() != ExperimentStatus.ABANDONED)
            .count();
    Optional<Double> best = task.spec().best(log).map(e -> e.score().getAsDouble());
    long succeeded = log.stream().filter(e -> e.status() == ExperimentStatus.SUCCEEDED).count();
    long feasible =
        log.stream()
            .filter(e -> task.spec().assess(e).map(Assessment::feasible).orElse(false))
            .count();
    return new Progress(finished, succeeded, feasible, best);
  }
}
