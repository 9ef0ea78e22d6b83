package io.autotune.internal;

import io.autotune.model.Assessment;
import io.autotune.model.Confirmed;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.spi.Strategy;
import io.autotune.spi.StrategyContext;
import io.autotune.spi.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
    TaskSpec spec = task.spec();
    if (spec.confirmation().isPresent() && searched(log) >= spec.maxExperiments()) {
      return confirmationRun(spec, log);
    }
    Optional<Configuration> proposal;
    try {
      proposal = strategy.propose(context(spec, seed, log));
      proposal.ifPresent(spec.space()::validate);
    } catch (RuntimeException e) {
      LOG.error("task {}: the strategy failed to propose; no more experiments", task.id(), e);
      return Optional.empty();
    }
    return proposal.isEmpty() && spec.confirmation().isPresent()
        ? confirmationRun(spec, log)
        : proposal;
  }

  /** How many configurations the search has run: distinct ones among the counted experiments. */
  private static long searched(List<Experiment> log) {
    return counted(log).map(Experiment::configuration).distinct().count();
  }

  /**
   * The next confirmation run: the confirmed configuration with the fewest runs so far, until each
   * has 1 + repeats; empty while a search experiment still runs (the best are not known yet) and
   * when all are done.
   */
  private static Optional<Configuration> confirmationRun(TaskSpec spec, List<Experiment> log) {
    Set<Configuration> tried = new HashSet<>();
    for (Experiment e : counted(log).sorted(Comparator.comparingInt(Experiment::number)).toList()) {
      if (tried.add(e.configuration()) && !e.status().isFinal()) {
        return Optional.empty(); // a search experiment still runs
      }
    }
    int runs = 1 + spec.confirmation().orElseThrow().repeats();
    return spec.confirmed(log).stream()
        .filter(c -> c.experiments().size() < runs)
        .min(Comparator.comparingInt(c -> c.experiments().size()))
        .map(Confirmed::configuration);
  }

  private static Stream<Experiment> counted(List<Experiment> log) {
    return log.stream().filter(e -> e.status() != ExperimentStatus.ABANDONED);
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
