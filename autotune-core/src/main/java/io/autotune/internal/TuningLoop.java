package io.autotune.internal;

import io.autotune.LeaseLostException;
import io.autotune.TuningListener;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

  private final LoopSettings settings;
  private final Task task;
  private final Strategy strategy;
  private final ExperimentRunner runner;
  private final Clock clock;
  private final LeaseKeeper keeper;
  private final FencedStore store;
  private final ExperimentLog log;
  private final long seed;
  private final Map<Integer, ExperimentExecution> running = new ConcurrentSkipListMap<>();
  private final ExecutorService slots =
      Executors.newCachedThreadPool(DaemonThreads.named("autotune-slot-"));
  private final ExecutorService runnerThreads =
      Executors.newCachedThreadPool(DaemonThreads.named("autotune-runner-"));
  private final ExecutorCompletionService<Finished> finished =
      new ExecutorCompletionService<>(slots);
  private Instant taskDeadline = Instant.MAX;
  private volatile boolean stopRequested;
  private boolean exhausted;

  /** What a slot hands back to the loop. */
  private record Finished(int number, Outcome outcome) {}

  public TuningLoop(
      LoopSettings settings,
      CheckpointStore source,
      Task task,
      Lease lease,
      Strategy strategy,
      ExperimentRunner runner,
      Supplier<WorkerInfo> worker) {
    this.settings = settings;
    this.task = task;
    this.strategy = strategy;
    this.runner = runner;
    this.clock = settings.clock();
    this.seed = Proposals.seed(task);
    this.keeper =
        new LeaseKeeper(
            source, lease, task.cancelRequested(), settings.leaseTtl(), worker, this::cancelAll);
    this.store = new FencedStore(source, keeper);
    this.log = new ExperimentLog(store, clock);
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
    List<Experiment> recorded = log.load();
    taskDeadline = taskDeadline(recorded);
    Restore.abandonDeadOwners(log, recorded, settings.killGrace());
    Optional<Checkpoint> saved = store.checkpoint().flatMap(Checkpoint::parse);
    Checkpoint fromLog = Checkpoint.of(log.snapshot(), task.spec(), seed);
    if (saved.isEmpty() || !saved.get().equals(fromLog)) {
      if (!recorded.isEmpty() || saved.isPresent()) {
        LOG.info(
            "task {}: checkpoint {}; rebuilt from the experiment log ({} experiments)",
            task.id(),
            saved.isEmpty() ? "missing or unreadable" : "stale",
            recorded.size());
      }
      store.saveCheckpoint(fromLog.toJson());
    }
  }

  /**
   * {@code task_timeout} counts from the task's first start, the creation of its first experiment,
   * under whichever owner: a resumed or taken-over task keeps the deadline it had, and the time no
   * owner held it counts too.
   */
  private Instant taskDeadline(List<Experiment> recorded) {
    Instant deadline = SharedProposer.deadline(task.spec(), recorded, clock.instant());
    if (!recorded.isEmpty() && !clock.instant().isBefore(deadline)) {
      LOG.info(
          "task {}: its task_timeout ({}) passed at {}, counted from its first start",
          task.id(),
          task.spec().taskTimeout().orElseThrow(),
          deadline);
    }
    return deadline;
  }

  private void loop() {
    while (!keeper.isLost()) {
      Optional<Outcome> stop = stopOutcome();
      if (stop.isPresent()) {
        running.values().forEach(execution -> execution.cancel(stop.get()));
      } else if (!exhausted) {
        startExperiments();
      }
      if (running.isEmpty()) {
        return;
      }
      await();
    }
  }

  private void startExperiments() {
    while (running.size() < settings.parallelism()
        && log.counted() < task.spec().experimentBudget()
        && !keeper.isLost()) {
      Optional<Configuration> next = Proposals.next(task, seed, log.snapshot(), strategy);
      if (next.isEmpty()) {
        // confirmation runs wait for the search's last results; anything else is the end
        exhausted = running.isEmpty() || task.spec().confirmation().isEmpty();
        return;
      }
      Lease lease = store.lease();
      Experiment pending =
          Experiment.pending(
              task.id(),
              log.nextNumber(),
              next.get(),
              clock.instant(),
              lease.workerId(),
              lease.epoch());
      log.insert(pending);
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
            settings.gpus(),
            directory,
            settings.killGrace(),
            clock,
            log);
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
    } catch (ExecutionException e) {
      throw new IllegalStateException("a slot failed unexpectedly", e.getCause());
    }
  }

  private void record(Finished done) {
    running.remove(done.number());
    if (keeper.isLost()) {
      return;
    }
    Experiment result =
        log.record(done.number(), e -> Scoring.finish(e, done.outcome(), task.spec()));
    List<Experiment> experiments = log.snapshot();
    Optional<Experiment> best = task.spec().best(experiments);
    notify(l -> l.experimentFinished(task, result, best));
    store.saveCheckpoint(Checkpoint.of(experiments, task.spec(), seed).toJson());
  }

  private TuningResult finish() {
    if (keeper.isLost()) {
      Lease lease = store.lease();
      throw new LeaseLostException(
          task.id(), lease.workerId(), lease.epoch(), "stopped acting on the task");
    }
    List<Experiment> experiments = log.snapshot();
    Optional<Experiment> best = task.spec().best(experiments);
    TaskStatus status;
    if (stopRequested && !keeper.cancelRequested()) {
      store.release();
      status = TaskStatus.RUNNING;
    } else {
      status =
          keeper.cancelRequested()
              ? TaskStatus.CANCELLED
              : anySucceeded(experiments) ? TaskStatus.COMPLETED : TaskStatus.FAILED;
      store.finishTask(status);
    }
    TuningResult result =
        new TuningResult(
            task.id(),
            status,
            experiments,
            best,
            task.spec().paretoFront(experiments),
            task.spec().confirmed(experiments));
    notify(l -> l.taskFinished(result));
    return result;
  }

  private static boolean anySucceeded(List<Experiment> experiments) {
    return experiments.stream().anyMatch(e -> e.status() == ExperimentStatus.SUCCEEDED);
  }

  private Optional<Outcome> stopOutcome() {
    Instant now = clock.instant();
    if (keeper.cancelRequested()) {
      return Optional.of(Outcome.failed("the task was cancelled", now));
    }
    if (stopRequested) {
      return Optional.of(Outcome.abandoned("the worker stopped", now));
    }
    if (!now.isBefore(taskDeadline)) {
      return Optional.of(Outcome.timedOut("the task's deadline passed", now));
    }
    return Optional.empty();
  }

  private void cancelAll() {
    Outcome lost = Outcome.failed("the lease was lost", clock.instant());
    List.copyOf(running.values()).forEach(e -> e.cancel(lost));
  }

  private void notify(Consumer<TuningListener> event) {
    for (TuningListener listener : settings.listeners()) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("task {}: a listener failed: {}", task.id(), e.toString());
      }
    }
  }
}
