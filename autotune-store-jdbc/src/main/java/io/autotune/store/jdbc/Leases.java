package io.autotune.store.jdbc;

import io.autotune.model.Lease;
import io.autotune.model.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Leases on tasks: grants, renewals, releases and claims, and the fence every owner's write passes.
 * Time is the database's (or the test clock's, if one was set). Thread-safe.
 */
final class Leases {
  private final Database db;
  private final Duration grace;
  private final Optional<Clock> clock;

  Leases(Database db, Duration grace, Optional<Clock> clock) {
    this.db = db;
    this.grace = grace;
    this.clock = clock;
  }

  Optional<Lease> acquire(String taskId, String workerId, Duration ttl) {
    requirePositive(ttl);
    return db.inTransaction(
        "acquire task " + taskId, h -> grantIfFree(h, lock(h, taskId), workerId, ttl));
  }

  Lease renew(Lease lease, Duration ttl) {
    requirePositive(ttl);
    return db.inTransaction(
        "renew the lease on task " + lease.taskId(),
        h -> {
          LeaseRow row = lockCurrent(h, lease);
          Lease renewed =
              new Lease(lease.taskId(), lease.workerId(), lease.epoch(), row.now().plus(ttl));
          h.createUpdate("UPDATE autotune_tasks SET lease_expires_at = :expires WHERE id = :id")
              .bind("id", lease.taskId())
              .bind("expires", Times.at(renewed.expiresAt()))
              .execute();
          return renewed;
        });
  }

  void release(Lease lease) {
    db.inTransaction(
        "release the lease on task " + lease.taskId(),
        h -> {
          LeaseRow row = lock(h, lease.taskId());
          if (row.isHeldBy(lease)) {
            setLease(h, row, row.status(), Optional.empty());
          }
          return null;
        });
  }

  /**
   * Claims the oldest runnable task. On PostgreSQL, with {@code FOR UPDATE SKIP LOCKED}: workers
   * claiming at once take different tasks instead of queueing on the same row. Tasks asked to
   * cancel are claimed too: whoever takes one over from a dead owner marks its experiments and
   * finishes it CANCELLED, instead of leaving it RUNNING forever.
   */
  Optional<Lease> claim(String workerId, Duration ttl) {
    requirePositive(ttl);
    if (!db.dialect.supportsSkipLocked()) {
      for (String id : runnableIds()) {
        Optional<Lease> lease = acquire(id, workerId, ttl);
        if (lease.isPresent()) {
          return lease;
        }
      }
      return Optional.empty();
    }
    return db.inTransaction(
        "claim a task",
        h -> {
          Optional<String> id =
              runnableIds(h, now(h).minus(grace), " LIMIT 1 FOR UPDATE SKIP LOCKED").stream()
                  .findFirst();
          return id.flatMap(taskId -> grantIfFree(h, lock(h, taskId), workerId, ttl));
        });
  }

  void finish(Lease lease, TaskStatus status) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    db.inTransaction(
        "finish task " + lease.taskId(),
        h -> {
          setLease(h, lockCurrent(h, lease), status, Optional.empty());
          return null;
        });
  }

  private Optional<Lease> grantIfFree(Handle h, LeaseRow row, String workerId, Duration ttl) {
    if (row.status().isFinal() || !row.isFree(grace) || ExperimentLeases.anyLive(h, row, grace)) {
      return Optional.empty();
    }
    Lease lease = new Lease(row.taskId(), workerId, row.epoch() + 1, row.now().plus(ttl));
    setLease(h, row, TaskStatus.RUNNING, Optional.of(lease));
    return Optional.of(lease);
  }

  private static void setLease(Handle h, LeaseRow row, TaskStatus status, Optional<Lease> lease) {
    h.createUpdate(
            "UPDATE autotune_tasks SET status = :status, owner = :owner, epoch = :epoch,"
                + " lease_expires_at = :expires, updated_at = :now WHERE id = :id")
        .bind("id", row.taskId())
        .bind("status", status.name())
        .bindByType("owner", lease.map(Lease::workerId).orElse(null), String.class)
        .bind("epoch", lease.map(Lease::epoch).orElse(row.epoch()))
        .bind("expires", Times.at(lease.map(Lease::expiresAt)))
        .bind("now", Times.at(row.now()))
        .execute();
  }

  /** Ids of the tasks a claim may take: not final, and free or expired past the grace period. */
  private List<String> runnableIds() {
    return db.read("list runnable tasks", h -> runnableIds(h, now(h).minus(grace), " LIMIT 100"));
  }

  private static List<String> runnableIds(Handle h, Instant cutoff, String suffix) {
    return h.createQuery(
            "SELECT id FROM autotune_tasks WHERE status IN ('PENDING', 'RUNNING')"
                + " AND (owner IS NULL OR lease_expires_at <= :cutoff) ORDER BY seq"
                + suffix)
        .bind("cutoff", Times.at(cutoff))
        .mapTo(String.class)
        .list();
  }

  LeaseRow lock(Handle h, String taskId) {
    LeaseRow row = LeaseRow.lock(h, db.dialect, taskId);
    return clock.map(c -> row.at(c.instant())).orElse(row);
  }

  /** Locks the task's row; throws unless {@code lease} is current. */
  LeaseRow lockCurrent(Handle h, Lease lease) {
    LeaseRow row = lock(h, lease.taskId());
    row.requireCurrent(lease);
    return row;
  }

  /** The database's time (or the test clock's). */
  Instant now(Handle h) {
    if (clock.isPresent()) {
      return clock.get().instant();
    }
    return h.createQuery("SELECT " + db.dialect.now()).map((rs, ctx) -> Times.read(rs, 1)).one();
  }

  Duration grace() {
    return grace;
  }

  /** Sets the task's status and epoch and clears its lease: its experiments carry their own. */
  void setStatus(Handle h, LeaseRow row, TaskStatus status, long epoch) {
    setLease(
        h,
        new LeaseRow(row.taskId(), row.status(), row.owner(), epoch, row.expiresAt(), row.now()),
        status,
        Optional.empty());
  }

  /** {@code row} at the test clock's time, if one was set. */
  ExperimentLeases.LockedExperiment at(ExperimentLeases.LockedExperiment row) {
    return clock.map(c -> row.at(c.instant())).orElse(row);
  }

  static void requirePositive(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, but was " + ttl);
    }
  }
}
