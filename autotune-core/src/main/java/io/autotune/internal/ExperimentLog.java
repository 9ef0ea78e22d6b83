package io.autotune.internal;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.ProcessRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * This worker's copy of a task's experiment log, kept equal to the store's: every change is written
 * (fenced) before it is applied here. Runner threads report progress through it while the loop
 * records outcomes; changes to one experiment are serialised. Thread-safe.
 */
final class ExperimentLog implements ExperimentExecution.Events {
  private final ConcurrentSkipListMap<Integer, Experiment> experiments =
      new ConcurrentSkipListMap<>();
  private final FencedStore store;
  private final Clock clock;

  ExperimentLog(FencedStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Reads the log from the store. */
  List<Experiment> load() {
    List<Experiment> recorded = store.experiments();
    recorded.forEach(e -> experiments.put(e.number(), e));
    return recorded;
  }

  List<Experiment> snapshot() {
    return List.copyOf(experiments.values());
  }

  int nextNumber() {
    return experiments.isEmpty() ? 1 : experiments.lastKey() + 1;
  }

  /** How many experiments count against the budget: all but the abandoned ones. */
  long counted() {
    return experiments.values().stream()
        .filter(e -> e.status() != ExperimentStatus.ABANDONED)
        .count();
  }

  void insert(Experiment experiment) {
    store.insert(experiment);
    experiments.put(experiment.number(), experiment);
  }

  /** Applies {@code change} to experiment {@code number} and records it; returns the result. */
  synchronized Experiment record(int number, UnaryOperator<Experiment> change) {
    Experiment after = change.apply(experiments.get(number));
    store.update(after);
    experiments.put(number, after);
    return after;
  }

  void markAbandoned(Experiment e, String why) {
    record(
        e.number(),
        current ->
            current.finished(
                ExperimentStatus.ABANDONED,
                clock.instant(),
                current.metrics(),
                OptionalDouble.empty(),
                Optional.of(why)));
  }

  // ---- progress reported from runner threads: best effort, never after the final status

  @Override
  public void phase(int number, ExperimentStatus phase) {
    progress(number, e -> e.status().canMoveTo(phase) ? e.inPhase(phase, clock.instant()) : e);
  }

  @Override
  public void process(int number, ProcessRef process) {
    progress(
        number,
        e -> {
          List<ProcessRef> processes = new ArrayList<>(e.processes());
          processes.add(process);
          return e.withProcesses(processes);
        });
  }

  @Override
  public void gpus(int number, List<Integer> gpus) {
    progress(number, e -> e.withGpus(gpus));
  }

  private synchronized void progress(int number, UnaryOperator<Experiment> change) {
    Experiment before = experiments.get(number);
    Experiment after = change.apply(before);
    if (!after.equals(before) && !before.status().isFinal() && store.tryUpdate(after)) {
      experiments.put(number, after);
    }
  }
}
