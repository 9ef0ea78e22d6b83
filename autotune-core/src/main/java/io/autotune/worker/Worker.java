package io.autotune.worker;

import io.autotune.AutotuneException;
import io.autotune.InvalidTaskException;
import io.autotune.LeaseLostException;
import io.autotune.StoreException;
import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.internal.DaemonThreads;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims work from a shared store and runs it with a {@link Tuner}, up to {@code slots} at a time,
 * until stopped: by default the next experiment of any running task, each under its own lease, so
 * that every worker with a free GPU works on every task ({@link Claims}); or whole tasks. On start
 * it kills the processes that dead workers of this host left behind; while it runs it heartbeats
 * its row in the store and, at the same interval, has the store mark ABANDONED the experiments of
 * owners whose lease expired; {@link #close()} stops it gracefully: no new claims, running
 * experiments abandoned with their processes killed, leases released so that other workers resume
 * the tasks at once.
 *
 * <pre>{@code
 * Tuner tuner = Tuner.builder().store(store).runners(RunnerFactory.builtIn()).build();
 * try (Worker worker = Worker.builder().tuner(tuner).slots(2).build().start()) {
 *   worker.awaitStop();
 * }
 * }</pre>
 *
 * <p>Give the worker a Tuner of its own: stopping the worker stops every run of its Tuner.
 * Thread-safe.
 */
public final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final int MAX_FAILED_RUNS = 3;

  private final Tuner tuner;
  private final CheckpointStore store;
  private final WorkerSettings settings;
  private final Semaphore freeSlots;
  private final ExecutorService tasks;
  private final Heartbeat heartbeat;
  private final OrphanReaper reaper;
  private final DeadOwnerSweep sweep;
  private final Thread claimer;
  private final Map<String, Integer> failedRuns = new ConcurrentHashMap<>();
  private final Set<String> runnableTasks = ConcurrentHashMap.newKeySet();
  private final boolean placesOnGpus;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  Worker(Tuner tuner, WorkerSettings settings) {
    this.tuner = tuner;
    this.store = tuner.store();
    this.settings = settings;
    this.freeSlots = new Semaphore(settings.slots());
    this.tasks =
        Executors.newFixedThreadPool(settings.slots(), DaemonThreads.named("autotune-task-"));
    this.heartbeat =
        new Heartbeat(store, tuner.workerId(), settings.heartbeatInterval(), tuner.clock());
    this.reaper = new OrphanReaper(store, tuner.workerId(), settings.killGrace());
    this.sweep = new DeadOwnerSweep(store, tuner.workerId(), settings.heartbeatInterval(), reaper);
    this.claimer = new Thread(this::claimUntilStopped, "autotune-claimer");
    this.placesOnGpus = tuner.freeGpus() > 0;
  }

  public static WorkerBuilder builder() {
    return new WorkerBuilder();
  }

  public String id() {
    return tuner.workerId();
  }

  /** How many experiments (or tasks) it runs at once. */
  public int slots() {
    return settings.slots();
  }

  /** Reaps this host's orphans, then starts heartbeating and claiming. Returns this worker. */
  public Worker start() {
    reaper.reap();
    heartbeat.start();
    sweep.start();
    claimer.start();
    LOG.info(
        "worker {} started with {} slot(s), claiming {}",
        id(),
        settings.slots(),
        settings.claims().name().toLowerCase(java.util.Locale.ROOT));
    return this;
  }

  /** Blocks until {@link #close()} (from another thread, e.g. a shutdown hook) has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops gracefully and waits for it: stops claiming, abandons running experiments (killing their
   * processes), releases the leases, records the worker as stopped.
   */
  @Override
  public void close() {
    boolean first;
    synchronized (this) {
      first = !stopping;
      stopping = true;
    }
    if (!first) {
      awaitQuietly();
      return;
    }
    claimer.interrupt();
    join(claimer);
    tasks.shutdown();
    try {
      // a run that started after an earlier stop() call is stopped by the next one
      while (!tasks.awaitTermination(100, TimeUnit.MILLISECONDS)) {
        tuner.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sweep.stop();
    heartbeat.stop();
    LOG.info("worker {} stopped", id());
    stopped.countDown();
  }

  private void claimUntilStopped() {
    while (!stopping) {
      try {
        freeSlots.acquire();
        boolean started = settings.claims() == Claims.TASKS ? claimTask() : claimExperiment();
        if (!started) {
          freeSlots.release();
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private boolean claimTask() {
    Optional<Lease> lease = claim();
    lease.ifPresent(l -> tasks.execute(() -> runAndFreeSlot(l)));
    return lease.isPresent();
  }

  private Optional<Lease> claim() {
    if (stopping) {
      return Optional.empty();
    }
    try {
      return store.claim(id(), settings.leaseTtl());
    } catch (StoreException e) {
      LOG.warn("worker {}: cannot claim a task, will retry: {}", id(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Proposes an experiment of the oldest task that wants one, while a GPU is free (on a host with
   * GPUs: the experiment waits for as many as it needs).
   */
  private boolean claimExperiment() {
    if (stopping || (placesOnGpus && tuner.freeGpus() == 0)) {
      return false;
    }
    try {
      for (Task task : store.tasks()) {
        if (task.status().isFinal() || !canRun(task)) {
          continue;
        }
        Optional<ExperimentLease> lease = tuner.propose(task.id());
        if (lease.isPresent()) {
          tasks.execute(() -> runExperimentAndFreeSlot(lease.get()));
          return true;
        }
      }
    } catch (StoreException e) {
      LOG.warn("worker {}: cannot propose an experiment, will retry: {}", id(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("worker {}: proposing an experiment failed; will retry", id(), e);
    }
    return false;
  }

  /**
   * Whether this worker can make the task's strategy and runner; a task that cannot run (a bad
   * runner or strategy in its spec) is marked FAILED once none of its experiments runs.
   */
  private boolean canRun(Task task) {
    if (runnableTasks.contains(task.id())) {
      return true;
    }
    try {
      tuner.check(task.spec());
      runnableTasks.add(task.id());
      return true;
    } catch (InvalidTaskException e) {
      LOG.error(
          "worker {}: task {} cannot run; marking it FAILED: {}", id(), task.id(), e.getMessage());
      tuner.fail(task.id());
    } catch (RuntimeException e) {
      if (failedRuns.merge(task.id(), 1, Integer::sum) >= MAX_FAILED_RUNS) {
        LOG.error("worker {}: task {} keeps failing; marking it FAILED", id(), task.id(), e);
        tuner.fail(task.id());
      } else {
        LOG.error("worker {}: task {} failed to start; will retry", id(), task.id(), e);
      }
    }
    return false;
  }

  private void runExperimentAndFreeSlot(ExperimentLease lease) {
    try {
      Experiment done = tuner.runExperiment(lease);
      LOG.info(
          "worker {}: task {} experiment {} ended {}",
          id(),
          lease.taskId(),
          lease.number(),
          done.status());
    } catch (RuntimeException e) {
      if (causedBy(e, LeaseLostException.class) || causedBy(e, StoreException.class)) {
        LOG.warn(
            "worker {}: task {} experiment {} stopped: {}",
            id(),
            lease.taskId(),
            lease.number(),
            e.getMessage());
      } else {
        LOG.error(
            "worker {}: task {} experiment {} failed unexpectedly",
            id(),
            lease.taskId(),
            lease.number(),
            e);
      }
    } finally {
      freeSlots.release();
    }
  }

  private void runAndFreeSlot(Lease lease) {
    try {
      if (stopping) {
        store.release(lease);
        return;
      }
      TuningResult result = tuner.run(lease);
      LOG.info("worker {}: task {} ended {}", id(), lease.taskId(), result.status());
    } catch (RuntimeException e) {
      handleFailedRun(lease, e);
    } finally {
      freeSlots.release();
    }
  }

  /**
   * A run that stopped on a lost lease or an unreachable store is left to the lease: another claim
   * resumes it. A task that cannot run (a bad runner or strategy in its spec), or whose runs keep
   * failing, is marked FAILED: claiming it again would fail again, forever.
   */
  private void handleFailedRun(Lease lease, RuntimeException e) {
    if (causedBy(e, LeaseLostException.class) || causedBy(e, StoreException.class)) {
      LOG.warn("worker {}: task {} stopped: {}", id(), lease.taskId(), e.getMessage());
      releaseQuietly(lease);
    } else if (e instanceof InvalidTaskException
        || failedRuns.merge(lease.taskId(), 1, Integer::sum) >= MAX_FAILED_RUNS) {
      LOG.error("worker {}: task {} cannot run; marking it FAILED", id(), lease.taskId(), e);
      finishQuietly(lease, TaskStatus.FAILED);
    } else {
      LOG.error("worker {}: the run of task {} failed; releasing it", id(), lease.taskId(), e);
      releaseQuietly(lease);
    }
  }

  private void releaseQuietly(Lease lease) {
    try {
      store.release(lease);
    } catch (AutotuneException e) {
      LOG.debug("worker {}: could not release task {}: {}", id(), lease.taskId(), e.toString());
    }
  }

  private void finishQuietly(Lease lease, TaskStatus status) {
    try {
      store.finishTask(lease, status);
    } catch (AutotuneException e) {
      LOG.warn("worker {}: could not finish task {}: {}", id(), lease.taskId(), e.getMessage());
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private void awaitQuietly() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
