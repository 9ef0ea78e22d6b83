package io.autotune.worker;

import io.autotune.AutotuneException;
import io.autotune.InvalidTaskException;
import io.autotune.LeaseLostException;
import io.autotune.StoreException;
import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.internal.DaemonThreads;
import io.autotune.model.Lease;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims runnable tasks from a shared store and runs them with a {@link Tuner}, up to {@code slots}
 * tasks at a time, until stopped. On start it kills the processes that dead workers of this host
 * left behind; while it runs it heartbeats its row in the store and, at the same interval, has the
 * store mark ABANDONED the experiments of owners whose lease expired; {@link #close()} stops it
 * gracefully: no new claims, running experiments abandoned with their processes killed, leases
 * released so that other workers resume the tasks at once.
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
  private final DeadOwnerSweep sweep;
  private final Thread claimer;
  private final Map<String, Integer> failedRuns = new ConcurrentHashMap<>();
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
    this.sweep = new DeadOwnerSweep(store, tuner.workerId(), settings.heartbeatInterval());
    this.claimer = new Thread(this::claimUntilStopped, "autotune-claimer");
  }

  public static WorkerBuilder builder() {
    return new WorkerBuilder();
  }

  public String id() {
    return tuner.workerId();
  }

  /** Reaps this host's orphans, then starts heartbeating and claiming. Returns this worker. */
  public Worker start() {
    new OrphanReaper(store, tuner.workerId(), settings.killGrace()).reap();
    heartbeat.start();
    sweep.start();
    claimer.start();
    LOG.info("worker {} started with {} slot(s)", id(), settings.slots());
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
        Optional<Lease> lease = claim();
        if (lease.isPresent()) {
          tasks.execute(() -> runAndFreeSlot(lease.get()));
        } else {
          freeSlots.release();
          Thread.sleep(settings.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        return;
      }
    }
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
