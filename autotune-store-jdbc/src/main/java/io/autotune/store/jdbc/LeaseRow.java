package io.autotune.store.jdbc;

import io.autotune.LeaseLostException;
import io.autotune.model.Lease;
import io.autotune.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A task's lease columns, read with the row locked ({@code FOR UPDATE}) together with the
 * database's time. Holding the lock until the transaction ends is what makes a fenced write atomic:
 * a new grant of the lease waits for the write, or the write sees the new grant.
 */
record LeaseRow(
    String taskId,
    TaskStatus status,
    Optional<String> owner,
    long epoch,
    Optional<Instant> expiresAt,
    Instant now) {

  static LeaseRow lock(Handle handle, Dialect dialect, String taskId) {
    return handle
        .createQuery(
            "SELECT status, owner, epoch, lease_expires_at, "
                + dialect.now()
                + " AS db_now FROM autotune_tasks WHERE id = :id FOR UPDATE")
        .bind("id", taskId)
        .map(
            (rs, ctx) ->
                new LeaseRow(
                    taskId,
                    TaskStatus.valueOf(rs.getString("status")),
                    Optional.ofNullable(rs.getString("owner")),
                    rs.getLong("epoch"),
                    Times.optional(rs, "lease_expires_at"),
                    Times.read(rs, "db_now")))
        .findOne()
        .orElseThrow(() -> new NoSuchElementException("no task with id " + taskId));
  }

  /** Free: never granted, released, or expired for longer than the grace period. */
  boolean isFree(Duration grace) {
    return owner.isEmpty() || expiresAt.map(e -> !now.isBefore(e.plus(grace))).orElse(true);
  }

  /** Nobody may write for the task: it is not final and its lease was released or has expired. */
  boolean hasNoLiveOwner() {
    return !status.isFinal()
        && (owner.isEmpty() || expiresAt.map(e -> !now.isBefore(e)).orElse(true));
  }

  boolean isHeldBy(Lease lease) {
    return owner.filter(lease.workerId()::equals).isPresent() && epoch == lease.epoch();
  }

  /** Throws unless {@code lease} is the current one and has not expired. */
  void requireCurrent(Lease lease) {
    if (!isHeldBy(lease)) {
      throw new LeaseLostException(
          taskId,
          lease.workerId(),
          lease.epoch(),
          "the task's lease is held by " + owner.orElse("nobody") + " with epoch " + epoch);
    }
    if (!now.isBefore(expiresAt.orElseThrow())) {
      throw new LeaseLostException(
          taskId, lease.workerId(), lease.epoch(), "the lease expired at " + expiresAt.get());
    }
  }

  LeaseRow at(Instant now) {
    return new LeaseRow(taskId, status, owner, epoch, expiresAt, now);
  }
}
