package io.autotune.internal;

import io.autotune.DuplicateExperimentException;
import io.autotune.LeaseLostException;
import io.autotune.StoreException;
import io.autotune.model.Experiment;
import io.autotune.model.Lease;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as one lease holder sees it: every write carries the current lease, and a store that
 * cannot be reached is retried until it answers or the lease counts as lost. After the lease is
 * lost nothing is written: every call throws {@link LeaseLostException}. Thread-safe.
 */
final class FencedStore {
  private static final Logger LOG = LoggerFactory.getLogger(FencedStore.class);
  private static final Duration RETRY = Duration.ofMillis(500);
  private final CheckpointStore store;
  private final LeaseKeeper keeper;

  FencedStore(CheckpointStore store, LeaseKeeper keeper) {
    this.store = store;
    this.keeper = keeper;
  }

  String taskId() {
    return keeper.lease().taskId();
  }

  Lease lease() {
    return keeper.lease();
  }

  List<Experiment> experiments() {
    return retrying(() -> store.experiments(taskId()));
  }

  Optional<String> checkpoint() {
    return retrying(() -> store.checkpoint(taskId()));
  }

  /**
   * Records a new experiment. A duplicate that equals it is taken as this insert's own earlier
   * attempt, whose commit went through although its answer was lost in an outage.
   */
  void insert(Experiment experiment) {
    try {
      retrying(() -> store.insertExperiment(keeper.lease(), experiment));
    } catch (DuplicateExperimentException e) {
      boolean ours = experiments().stream().anyMatch(experiment::equals);
      if (!ours) {
        throw e;
      }
    }
  }

  void update(Experiment experiment) {
    retrying(() -> store.updateExperiment(keeper.lease(), experiment));
  }

  /** Records progress that may be lost without harm: no retry, and a failure is only logged. */
  boolean tryUpdate(Experiment experiment) {
    if (keeper.isLost()) {
      return false;
    }
    try {
      store.updateExperiment(keeper.lease(), experiment);
      return true;
    } catch (LeaseLostException e) {
      keeper.markLost(e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn(
          "task {}: could not record experiment {}'s progress: {}",
          taskId(),
          experiment.number(),
          e.toString());
    }
    return false;
  }

  void saveCheckpoint(String checkpoint) {
    retrying(() -> store.saveCheckpoint(keeper.lease(), checkpoint));
  }

  void finishTask(TaskStatus status) {
    retrying(() -> store.finishTask(keeper.lease(), status));
  }

  void release() {
    retrying(() -> store.release(keeper.lease()));
  }

  private void retrying(Runnable call) {
    retrying(
        () -> {
          call.run();
          return null;
        });
  }

  private <T> T retrying(Supplier<T> call) {
    while (true) {
      if (keeper.isLost()) {
        Lease lease = keeper.lease();
        throw new LeaseLostException(
            lease.taskId(), lease.workerId(), lease.epoch(), "this worker stopped acting on it");
      }
      try {
        return call.get();
      } catch (LeaseLostException e) {
        keeper.markLost(e.getMessage());
        throw e;
      } catch (DuplicateExperimentException e) {
        throw e; // an answer, not an outage: retrying cannot change it
      } catch (StoreException e) {
        LOG.warn("task {}: store unavailable, retrying: {}", taskId(), e.getMessage());
        sleep();
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
