package io.autotune.internal;

import io.autotune.LeaseLostException;
import io.autotune.StoreException;
import io.autotune.TuningListener;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.ProcessRef;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.space.Configuration;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.ExperimentRunner;
import io.autotune.spi.Strategy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's run of one task under one lease: restore from the log, then propose, record, run,
 * record the outcome, save the checkpoint, tell listeners, until a limit is reached. Every store
 * write is fenced by the lease; when the lease is lost the loop cancels its experiments and writes
 * nothing more. Not reusable: one instance per run.
 */
public final class TuningLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TuningLoop.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration STORE_RETRY = Duration.ofMillis(500);

  private final LoopSettings settings;
  private final CheckpointStore store;
  private final Task task;
  private final Strategy strategy;
  private final ExperimentRunner runner;
  private final Clock clock;
  private final LeaseKeeper keeper;
  private final long seed;
  private final ConcurrentSkipListMap<Integer, Experiment> log = new ConcurrentSkipListMap<>();
  private final Map<Integer, ExperimentExecution> running = new ConcurrentSkipListMap<>();
  private final ExecutorService slots;
  private final ExecutorService runnerThreads;
  private final ExecutorCompletionService<Finished> finished;
  private final Instant taskDeadline;
  private volatile boolean stopRequested;
  private boolean exhausted;

  /** What a slot hands back to the loop. */
  private record Finished(int number, Outcome outcome) {}

  public TuningLoop(
      LoopSettings settings,
      CheckpointStore store,
      Task task,
      Lease lease,
      Strategy strategy,
      ExperimentRunner runner,
      Supplier<WorkerInfo> worker) {
    this.settings = settings;
    this.store = store;
    this.task = task;
    this.strategy = strategy;
    this.runner = runner;
    this.clock = settings.clock();
    this.seed = task.spec().seed().orElse(task.id().hashCode());
    this.keeper = new LeaseKeeper(store, lease, settings.leaseTtl(), worker, this::cancelAll);
    this.slots = Executors.newCachedThreadPool(daemon("autotune-slot-"));
    this.runnerThreads = Executors.newCachedThreadPool(daemon("autotune-runner-"));
    this.finished = new ExecutorCompletionService<>(slots);
    this.taskDeadline = task.spec().taskTimeout().map(clock.instant()::plus).orElse(Instant.MAX);
  }

  /**
   * Runs the task until it ends or this worker stops acting on it.
   *
   * @throws LeaseLostException if the lease was lost; nothing was written after that
   */
  public TuningResult run() {
    keeper.start();
    try {
      restore();
      loop();
      return finish();
    } finally {
      keeper.close();
      slots.shutdownNow();
      runnerThreads.shutdownNow();
    }
  }

  /** Stops proposing and abandons the running experiments; the task stays runnable. */
  public void stop() {
    stopRequested = true;
  }

  private void restore() {
    List<Experiment> recorded = write(() -> store.experiments(task.id()));
    for (Experiment e : recorded) {
      log.put(e.number(), e);
    }
    Restore.abandonDeadOwners(this, recorded, settings.killGrace());
    Optional<Checkpoint> saved =
        write(() -> store.checkpoint(task.id())).flatMap(Checkpoint::parse);
    Checkpoint fromLog = Checkpoint.of(List.copyOf(log.values()), task.spec(), seed);
    if (saved.isEmpty() || !saved.get().equals(fromLog)) {
      if (!log.isEmpty() || saved.isPresent()) {
        LOG.info(
            "task {}: checkpoint {}; rebuilt from the experiment log ({} experiments)",
            task.id(),
            saved.isEmpty() ? "missing or unreadable" : "stale",
            log.size());
      }
      write(() -> store.saveCheckpoint(keeper.lease(), fromLog.toJson()));
    }
  }

  synchronized void markAbandoned(Experiment e, String why) {
    Experiment abandoned =
        e.finished(
            ExperimentStatus.ABANDONED,
            clock.instant(),
            e.metrics(),
            OptionalDouble.empty(),
            Optional.of(why));
    write(() -> store.updateExperiment(keeper.lease(), abandoned));
    log.put(e.number(), abandoned);
  }

  private void loop() {
    while (!keeper.isLost()) {
      Optional<Outcome> stop = stopOutcome();
      if (stop.isEmpty() && !exhausted) {
        startExperiments();
      } else if (stop.isPresent()) {
        running.values().forEach(execution -> execution.cancel(stop.get()));
      }
      if (running.isEmpty()) {
        return;
      }
      await();
    }
  }

  private void startExperiments() {
    while (running.size() < settings.parallelism() && budgetLeft() && !keeper.isLost()) {
      Optional<Configuration> next = Proposals.next(this, strategy);
      if (next.isEmpty()) {
        exhausted = true;
        return;
      }
      int number = log.isEmpty() ? 1 : log.lastKey() + 1;
      Experiment pending =
          Experiment.pending(
              task.id(),
              number,
              next.get(),
              clock.instant(),
              keeper.lease().workerId(),
              keeper.lease().epoch());
      write(() -> store.insertExperiment(keeper.lease(), pending));
      log.put(number, pending);
      notify(l -> l.experimentStarted(task, pending));
      launch(pending);
    }
  }

  private void launch(Experiment experiment) {
    Path directory =
        settings.workDirectory().resolve(task.id()).resolve(Integer.toString(experiment.number()));
    ExperimentExecution execution =
        new ExperimentExecution(
            task.id(),
            task.spec(),
            experiment.number(),
            experiment.configuration(),
            List.of(),
            directory,
            settings.killGrace(),
            clock,
            new Events());
    running.put(experiment.number(), execution);
    finished.submit(() -> new Finished(experiment.number(), execution.run(runner, runnerThreads)));
  }

  private void await() {
    try {
      Future<Finished> done = finished.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
      if (done != null) {
        record(done.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a slot failed unexpectedly", e.getCause());
    }
  }

  private void record(Finished done) {
    running.remove(done.number());
    if (keeper.isLost()) {
      return;
    }
    Experiment result;
    synchronized (this) {
      Experiment current = log.get(done.number());
      result = Scoring.finish(current, done.outcome(), task.spec().objective());
      write(() -> store.updateExperiment(keeper.lease(), result));
      log.put(result.number(), result);
    }
    Optional<Experiment> best =
        Best.of(List.copyOf(log.values()), task.spec().objective().direction());
    notify(l -> l.experimentFinished(task, result, best));
    Checkpoint checkpoint = Checkpoint.of(List.copyOf(log.values()), task.spec(), seed);
    write(() -> store.saveCheckpoint(keeper.lease(), checkpoint.toJson()));
  }

  private TuningResult finish() {
    List<Experiment> experiments = List.copyOf(log.values());
    Optional<Experiment> best = Best.of(experiments, task.spec().objective().direction());
    if (keeper.isLost()) {
      throw new LeaseLostException(
          task.id(),
          keeper.lease().workerId(),
          keeper.lease().epoch(),
          "stopped acting on the task");
    }
    TaskStatus status;
    if (stopRequested && !keeper.cancelRequested()) {
      write(
          () -> {
            store.release(keeper.lease());
            return null;
          });
      status = TaskStatus.RUNNING;
    } else {
      status =
          keeper.cancelRequested()
              ? TaskStatus.CANCELLED
              : best.isPresent() ? TaskStatus.COMPLETED : TaskStatus.FAILED;
      write(() -> store.finishTask(keeper.lease(), status));
    }
    TuningResult result = new TuningResult(task.id(), status, experiments, best);
    notify(l -> l.taskFinished(result));
    return result;
  }

  private Optional<Outcome> stopOutcome() {
    Instant now = clock.instant();
    if (keeper.cancelRequested()) {
      return Optional.of(Outcome.failed("the task was cancelled", now));
    }
    if (stopRequested) {
      return Optional.of(
          new Outcome(
              ExperimentStatus.ABANDONED, Map.of(), Optional.of("the worker stopped"), now));
    }
    if (!now.isBefore(taskDeadline)) {
      return Optional.of(Outcome.timedOut("the task's deadline passed", now));
    }
    return Optional.empty();
  }

  private boolean budgetLeft() {
    long counted =
        log.values().stream().filter(e -> e.status() != ExperimentStatus.ABANDONED).count();
    return counted < task.spec().maxExperiments();
  }

  private void cancelAll() {
    List<ExperimentExecution> executions = new ArrayList<>(running.values());
    Outcome lost = Outcome.failed("the lease was lost", clock.instant());
    executions.forEach(e -> e.cancel(lost));
  }

  // ---- used by Proposals and Restore

  Task task() {
    return task;
  }

  long seed() {
    return seed;
  }

  List<Experiment> experiments() {
    return List.copyOf(log.values());
  }

  // ---- store writes: retried while the store is unreachable, never after the lease is lost

  private <T> T write(StoreCall<T> call) {
    while (true) {
      if (keeper.isLost()) {
        throw new LeaseLostException(
            task.id(), keeper.lease().workerId(), keeper.lease().epoch(), "lease lost");
      }
      try {
        return call.call();
      } catch (LeaseLostException e) {
        keeper.markLost(e.getMessage());
        throw e;
      } catch (StoreException e) {
        LOG.warn("task {}: store unavailable, retrying: {}", task.id(), e.getMessage());
        sleep(STORE_RETRY);
      }
    }
  }

  private void write(Runnable call) {
    write(
        () -> {
          call.run();
          return null;
        });
  }

  @FunctionalInterface
  private interface StoreCall<T> {
    T call();
  }

  private void notify(java.util.function.Consumer<TuningListener> event) {
    for (TuningListener listener : settings.listeners()) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("task {}: a listener failed: {}", task.id(), e.toString());
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Phase and process updates from the runner's thread. */
  private final class Events implements ExperimentExecution.Events {
    @Override
    public void phase(int number, ExperimentStatus phase) {
      update(number, e -> e.status().canMoveTo(phase) ? e.inPhase(phase, clock.instant()) : e);
    }

    @Override
    public void process(int number, ProcessRef process) {
      update(
          number,
          e -> {
            List<ProcessRef> processes = new ArrayList<>(e.processes());
            processes.add(process);
            return e.withProcesses(processes);
          });
    }

    private void update(int number, java.util.function.UnaryOperator<Experiment> change) {
      synchronized (TuningLoop.this) {
        Experiment before = log.get(number);
        Experiment after = change.apply(before);
        if (after.equals(before) || before.status().isFinal() || keeper.isLost()) {
          return;
        }
        try {
          store.updateExperiment(keeper.lease(), after);
          log.put(number, after);
        } catch (LeaseLostException e) {
          keeper.markLost(e.getMessage());
        } catch (RuntimeException e) {
          LOG.warn(
              "task {}: could not record experiment {}'s progress: {}",
              task.id(),
              number,
              e.toString());
        }
      }
    }
  }
}
