package io.autotune.internal;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
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

  static Optional<Configuration> next(TuningLoop loop, Strategy strategy) {
    List<Experiment> log = loop.experiments();
    Optional<Configuration> retry = abandonedNotRerun(log);
    if (retry.isPresent()) {
      return retry;
    }
    StrategyContext context = context(loop, log);
    try {
      Optional<Configuration> proposal = strategy.propose(context);
      proposal.ifPresent(loop.task().spec().space()::validate);
      return proposal;
    } catch (RuntimeException e) {
      LOG.error(
          "task {}: the strategy failed to propose; no more experiments", loop.task().id(), e);
      return Optional.empty();
    }
  }

  /**
   * The strategy's view of the log. The random generator is seeded from the task's seed and the
   * number of experiments in view, so a task restored from its log proposes what it would have.
   */
  static StrategyContext context(TuningLoop loop, List<Experiment> log) {
    TaskSpec spec = loop.task().spec();
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
        loop.task().spec().space(),
        history,
        pending,
        loop.task().spec().maxExperiments(),
        loop.seed(),
        StrategyContext.randomFor(loop.seed(), history.size() + pending.size()));
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
