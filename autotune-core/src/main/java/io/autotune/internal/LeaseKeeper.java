package io.autotune.internal;

import io.autotune.LeaseLostException;
import io.autotune.model.Lease;
import io.autotune.model.WorkerInfo;
import io.autotune.spi.CheckpointStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a task's lease every TTL/3 and watches for cancellation. A rejected renewal loses the
 * lease at once; a store that cannot be reached is retried until the lease would have expired, and
 * then the lease counts as lost too, because another worker may take it over. Thread-safe.
 */
final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
  private final CheckpointStore store;
  private final Duration ttl;
  private final Supplier<WorkerInfo> worker;
  private final Runnable onLost;
  private final ScheduledExecutorService timer;
  private volatile Lease lease;
  private volatile long lastRenewedNanos = System.nanoTime();
  private volatile boolean lost;
  private volatile boolean cancelRequested;

  LeaseKeeper(
      CheckpointStore store,
      Lease lease,
      boolean cancelRequested,
      Duration ttl,
      Supplier<WorkerInfo> worker,
      Runnable onLost) {
    this.cancelRequested = cancelRequested;
    this.store = store;
    this.lease = lease;
    this.ttl = ttl;
    this.worker = worker;
    this.onLost = onLost;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("autotune-lease-" + lease.taskId() + "-"));
  }

  LeaseKeeper start() {
    long period = Math.max(1, ttl.toMillis() / 3);
    // no need for the future: shutting the timer down stops the ticks, and tick handles its
    // failures
    var unused = timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    return this;
  }

  Lease lease() {
    return lease;
  }

  boolean isLost() {
    return lost;
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  /** Marks the lease lost (a fenced write was rejected); idempotent. */
  void markLost(String why) {
    if (!lost) {
      lost = true;
      LOG.warn("task {}: lease lost ({}); stopping all work on it", lease.taskId(), why);
      timer.shutdown();
      onLost.run();
    }
  }

  private void tick() {
    try {
      lease = store.renew(lease, ttl);
      lastRenewedNanos = System.nanoTime();
      cancelRequested = store.task(lease.taskId()).map(t -> t.cancelRequested()).orElse(false);
      store.heartbeat(worker.get());
    } catch (LeaseLostException e) {
      markLost(e.getMessage());
    } catch (RuntimeException e) {
      Duration silent = Duration.ofNanos(System.nanoTime() - lastRenewedNanos);
      if (silent.compareTo(ttl) >= 0) {
        markLost("could not renew for " + silent.toMillis() + " ms: " + e.getMessage());
      } else {
        LOG.warn("task {}: lease renewal failed, will retry: {}", lease.taskId(), e.toString());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
