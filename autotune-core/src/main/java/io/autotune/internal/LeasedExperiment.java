package io.autotune.internal;

import io.autotune.LeaseLostException;
import io.autotune.StoreException;
import io.autotune.TuningListener;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.ProcessRef;
import io.autotune.model.Task;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.ExperimentRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One experiment of a shared task, run by this worker under the experiment's own lease ({@link
 * CheckpointStore#propose}): the lease is renewed every TTL/3, and a rejected renewal, or a store
 * silent for a whole TTL, cancels the run and nothing more is written; a cancelled task or a passed
 * {@code task_timeout} cancels it too. Progress is recorded best effort, the end fenced by the
 * lease and retried while the store is unreachable. Not reusable: one instance per experiment.
 */
public final class LeasedExperiment implements ExperimentExecution.Events {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedExperiment.class);
  private static final Duration RETRY = Duration.ofMillis(500);

  private final LoopSettings settings;
  private final CheckpointStore store;
  private final Task task;
  private final ScheduledExecutorService timer;
  private final ExperimentExecution execution;
  private final Instant taskDeadline;
  private volatile ExperimentLease lease;
  private volatile Experiment recorded;
  private volatile long lastRenewedNanos = System.nanoTime();
  private volatile boolean lost;

  public LeasedExperiment(
      LoopSettings settings, CheckpointStore store, Task task, ExperimentLease lease) {
    this.settings = settings;
    this.store = store;
    this.task = task;
    this.lease = lease;
    List<Experiment> log = store.experiments(task.id());
    this.recorded =
        log.stream()
            .filter(e -> e.number() == lease.number())
            .findFirst()
            .orElseThrow(
                () ->
                    new LeaseLostException(
                        task.id(),
                        lease.workerId(),
                        lease.epoch(),
                        "experiment " + lease.number() + " is not in the log"));
    this.taskDeadline = SharedProposer.deadline(task.spec(), log, settings.clock().instant());
    Path directory =
        settings.workDirectory().resolve(task.id()).resolve(Integer.toString(lease.number()));
    this.execution =
        new ExperimentExecution(
            task.id(),
            task.spec(),
            lease.number(),
            recorded.configuration(),
            settings.gpus(),
            directory,
            settings.killGrace(),
            settings.clock(),
            this);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("autotune-lease-" + task.id() + "-" + lease.number() + "-"));
  }

  /**
   * Runs the experiment to its end on the caller's thread and records it.
   *
   * @return the experiment as recorded
   * @throws LeaseLostException if the lease was lost; nothing was written after that
   */
  public Experiment run(ExperimentRunner runner) {
    long period = Math.max(1, settings.leaseTtl().toMillis() / 3);
    var unused = timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    notify(l -> l.experimentStarted(task, recorded));
    ExecutorService runnerThreads =
        Executors.newCachedThreadPool(DaemonThreads.named("autotune-runner-"));
    try {
      Outcome outcome = execution.run(runner, runnerThreads);
      Experiment result = record(Scoring.finish(recorded, outcome, task.spec()));
      notify(l -> l.experimentFinished(task, result, Optional.empty()));
      return result;
    } finally {
      timer.shutdownNow();
      runnerThreads.shutdownNow();
    }
  }

  /** Stops the experiment: its processes are killed and it is recorded ABANDONED. */
  public void stop() {
    execution.cancel(Outcome.abandoned("the worker stopped", settings.clock().instant()));
  }

  public ExperimentLease lease() {
    return lease;
  }

  private void tick() {
    try {
      lease = store.renew(lease, settings.leaseTtl());
      lastRenewedNanos = System.nanoTime();
      Instant now = settings.clock().instant();
      if (store.task(task.id()).map(Task::cancelRequested).orElse(false)) {
        execution.cancel(Outcome.failed("the task was cancelled", now));
      } else if (!now.isBefore(taskDeadline)) {
        execution.cancel(Outcome.timedOut("the task's deadline passed", now));
      }
    } catch (LeaseLostException e) {
      markLost(e.getMessage());
    } catch (RuntimeException e) {
      Duration silent = Duration.ofNanos(System.nanoTime() - lastRenewedNanos);
      if (silent.compareTo(settings.leaseTtl()) >= 0) {
        markLost("could not renew for " + silent.toMillis() + " ms: " + e.getMessage());
      } else {
        LOG.warn(
            "task {}: experiment {}'s lease renewal failed, will retry: {}",
            task.id(),
            lease.number(),
            e.toString());
      }
    }
  }

  private void markLost(String why) {
    if (!lost) {
      lost = true;
      LOG.warn(
          "task {}: experiment {}'s lease lost ({}); stopping it", task.id(), lease.number(), why);
      timer.shutdown();
      execution.cancel(Outcome.failed("the lease was lost", settings.clock().instant()));
    }
  }

  /** Writes the final record, retrying an unreachable store until the lease is lost. */
  private synchronized Experiment record(Experiment result) {
    while (true) {
      requireNotLost();
      try {
        store.updateExperiment(lease, result);
        recorded = result;
        return result;
      } catch (LeaseLostException e) {
        markLost(e.getMessage());
        throw e;
      } catch (StoreException e) {
        LOG.warn("task {}: store unavailable, retrying: {}", task.id(), e.getMessage());
        if (Duration.ofNanos(System.nanoTime() - lastRenewedNanos).compareTo(settings.leaseTtl())
            >= 0) {
          markLost("could not record the result: " + e.getMessage());
        }
        sleep();
      }
    }
  }

  private void requireNotLost() {
    if (lost) {
      ExperimentLease l = lease;
      throw new LeaseLostException(
          l.taskId(),
          l.workerId(),
          l.epoch(),
          "this worker stopped acting on experiment " + l.number());
    }
  }

  // ---- progress reported from runner threads: best effort, never after the final status

  @Override
  public void phase(int number, ExperimentStatus phase) {
    progress(e -> e.status().canMoveTo(phase) ? e.inPhase(phase, settings.clock().instant()) : e);
  }

  @Override
  public void process(int number, ProcessRef process) {
    progress(
        e -> {
          List<ProcessRef> processes = new ArrayList<>(e.processes());
          processes.add(process);
          return e.withProcesses(processes);
        });
  }

  @Override
  public void gpus(int number, List<Integer> gpus) {
    progress(e -> e.withGpus(gpus));
  }

  private synchronized void progress(UnaryOperator<Experiment> change) {
    Experiment before = recorded;
    Experiment after = change.apply(before);
    if (lost || after.equals(before) || before.status().isFinal()) {
      return;
    }
    try {
      store.updateExperiment(lease, after);
      recorded = after;
    } catch (LeaseLostException e) {
      markLost(e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn(
          "task {}: could not record experiment {}'s progress: {}",
          task.id(),
          before.number(),
          e.toString());
    }
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

  private static void sleep() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
