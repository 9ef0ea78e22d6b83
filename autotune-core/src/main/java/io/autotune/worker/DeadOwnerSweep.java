package io.autotune.worker;

import io.autotune.internal.DaemonThreads;
import io.autotune.model.Experiment;
import io.autotune.spi.CheckpointStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every interval, asks the store to mark ABANDONED the unfinished experiments of tasks whose
 * owner's lease expired ({@link CheckpointStore#abandonDeadOwners()}): a task that no worker takes
 * over (all slots busy, or within the grace period) does not show them running. The store decides,
 * fenced, by its own clock; this worker only asks. Then it kills what dead workers of this host
 * left running ({@link OrphanReaper}): with experiments shared among workers nobody takes a dead
 * worker's task over, so without this a sibling worker process would leave them running.
 * Thread-safe.
 */
final class DeadOwnerSweep {
  private static final Logger LOG = LoggerFactory.getLogger(DeadOwnerSweep.class);
  private final CheckpointStore store;
  private final String workerId;
  private final Duration interval;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("autotune-sweep-"));

  private final OrphanReaper reaper;

  DeadOwnerSweep(CheckpointStore store, String workerId, Duration interval, OrphanReaper reaper) {
    this.store = store;
    this.reaper = reaper;
    this.workerId = workerId;
    this.interval = interval;
  }

  void start() {
    long ms = interval.toMillis();
    var unused = timer.scheduleWithFixedDelay(this::sweep, 0, ms, TimeUnit.MILLISECONDS);
  }

  void stop() {
    timer.shutdownNow();
  }

  void sweep() {
    try {
      List<Experiment> marked = store.abandonDeadOwners();
      for (Experiment e : marked) {
        LOG.info(
            "worker {}: task {} experiment {} ABANDONED: {}",
            workerId,
            e.taskId(),
            e.number(),
            e.error().orElse(""));
      }
    } catch (RuntimeException e) {
      LOG.warn("worker {}: could not look for dead owners: {}", workerId, e.getMessage());
    }
    try {
      reaper.reap();
    } catch (RuntimeException e) {
      // an exception would end the periodic sweep for good
      LOG.warn("worker {}: could not reap this host's orphans: {}", workerId, e.toString());
    }
  }
}
