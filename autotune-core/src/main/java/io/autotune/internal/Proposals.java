package io.autotune.internal;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the next configuration: first the configurations of abandoned experiments that were never
 * run again (their owner died, not the configuration), then the strategy's proposal.
 */
final class Proposals {
  private static final Logger LOG = LoggerFactory.getLogger(Proposals.class);

  private Proposals() {}

  /** The next configuration of {@code task}, whose log is {@code log}; empty when exhausted. */
  static Optional<Configuration> next(
      Task task, long seed, List<Experiment> log, Strategy strategy) {
    Optional<Configuration> retry = abandonedNotRerun(log);
    if (retry.isPresent()) {
      return retry;
    }
    StrategyContext context = context(task.spec(), seed, log);
    try {
      Optional<Configuration> proposal = strategy.propose(context);
      proposal.ifPresent(task.spec().space()::validate);
      return proposal;
    } catch (RuntimeException e) {
      LOG.error("task {}: the strategy failed to propose; no more experiments", task.id(), e);
      return Optional.empty();
    }
  }

  /** The seed of {@code task}'s strategy: the spec's, else one derived from the task's id. */
  static long seed(Task task) {
    return task.spec().seed().orElse(task.id().hashCode());
  }

  /**
   * The strategy's view of the log. The random generator is seeded from the task's seed and the
   * number of experiments in view, so a task restored from its log proposes what it would have.
   */
  static StrategyContext context(TaskSpec spec, long seed, List<Experiment> log) {
    List<Trial> history = new ArrayList<>();
    List<Configuration> pending = new ArrayList<>();
    for (Experiment e : log) {
      switch (e.status()) {
        case SUCCEEDED -> history.add(succeeded(spec, e));
        case FAILED, TIMED_OUT -> history.add(Trial.failed(e.number(), e.configuration()));
        case ABANDONED -> {}
        default -> pending.add(e.configuration());
      }
    }
    return new StrategyContext(
        spec.space(),
        history,
        pending,
        spec.maxExperiments(),
        seed,
        StrategyContext.randomFor(seed, history.size() + pending.size()));
  }

  /** A success as the strategy sees it: every objective's loss and every constraint's value. */
  private static Trial succeeded(TaskSpec spec, Experiment e) {
    List<Double> constraints = spec.assess(e).map(Assessment::constraintValues).orElseGet(List::of);
    return Trial.succeeded(e.number(), e.configuration(), spec.losses(e), constraints);
  }

  private static Optional<Configuration> abandonedNotRerun(List<Experiment> log) {
    for (Experiment e : log) {
      if (e.status() == ExperimentStatus.ABANDONED
          && log.stream()
              .noneMatch(
                  o ->
                      o.status() != ExperimentStatus.ABANDONED
                          && o.configuration().equals(e.configuration()))) {
        return Optional.of(e.configuration());
      }
    }
    return Optional.empty();
  }
}
