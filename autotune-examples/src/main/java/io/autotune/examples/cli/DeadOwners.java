package io.autotune.examples.cli;

import io.autotune.AutotuneException;
import io.autotune.model.Task;
import io.autotune.spi.CheckpointStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * What the reading commands do about owners that died: before reading, they have the store mark the
 * unfinished experiments of tasks whose lease expired ABANDONED (the store checks the lease by its
 * own clock, in the same transaction); they show a RUNNING task whose lease expired as "owner dead"
 * and say when its lease expires or expired.
 */
final class DeadOwners {
  private DeadOwners() {}

  /**
   * Has the store mark dead owners' experiments ABANDONED, and returns the store's time. A store
   * that refuses the write (a read-only user) only gets a warning: the reading goes on.
   */
  static Instant abandon(CheckpointStore store, PrintWriter err) {
    try {
      store.abandonDeadOwners();
    } catch (AutotuneException e) {
      err.println(
          "warning: could not mark the experiments of dead owners ABANDONED: " + e.getMessage());
    }
    return store.now();
  }

  /** The status to show: the stored one, or "owner dead" for a task whose lease expired. */
  static String status(Task task, Instant storeNow) {
    return task.ownerDead(storeNow) ? "owner dead" : task.status().name();
  }

  /** "expires in 24s", "expired 1m05s ago", or "-" when nobody holds the task. */
  static String lease(Task task, Instant storeNow) {
    if (task.owner().isEmpty() || task.leaseExpiresAt().isEmpty()) {
      return "-";
    }
    Instant expiry = task.leaseExpiresAt().get();
    return storeNow.isBefore(expiry)
        ? "expires in " + format(Duration.between(storeNow, expiry))
        : "expired " + format(Duration.between(expiry, storeNow)) + " ago";
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
