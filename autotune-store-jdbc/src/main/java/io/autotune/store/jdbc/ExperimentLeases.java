package io.autotune.store.jdbc;

import io.autotune.LeaseLostException;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.spi.Proposer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Experiments that carry leases of their own, for tasks whose experiments any worker may run:
 * proposals under the task's row lock, and the fence of every write on such an experiment, which
 * locks the experiment's row, checks (owner, epoch, expiry by the database's clock) and writes in
 * one transaction. Thread-safe.
 */
final class ExperimentLeases {
  private final Database db;
  private final Leases leases;

  ExperimentLeases(Database db, Leases leases) {
    this.db = db;
    this.leases = leases;
  }

  Optional<ExperimentLease> propose(
      String taskId, String workerId, Duration ttl, Proposer proposer) {
    Leases.requirePositive(ttl);
    return db.inTransaction(
        "propose an experiment of task " + taskId,
        h -> {
          LeaseRow row = leases.lock(h, taskId);
          if (row.status().isFinal() || !row.isFree(leases.grace())) {
            return Optional.<ExperimentLease>empty();
          }
          ExperimentLog.abandonDead(h, row);
          List<Experiment> log = ExperimentLog.experiments(h, taskId);
          Proposer.Decision decision = proposer.decide(task(h, taskId), log);
          if (decision instanceof Proposer.Finish finish) {
            leases.setStatus(h, row, finish.status(), row.epoch());
          } else if (decision instanceof Proposer.Run run) {
            return Optional.of(record(h, row, log, workerId, ttl, run));
          }
          return Optional.<ExperimentLease>empty();
        });
  }

  private ExperimentLease record(
      Handle h,
      LeaseRow row,
      List<Experiment> log,
      String workerId,
      Duration ttl,
      Proposer.Run run) {
    long epoch = row.epoch() + 1;
    int number = log.isEmpty() ? 1 : log.get(log.size() - 1).number() + 1;
    Experiment pending =
        Experiment.pending(row.taskId(), number, run.configuration(), row.now(), workerId, epoch);
    ExperimentLease lease =
        new ExperimentLease(row.taskId(), number, workerId, epoch, row.now().plus(ttl));
    Rows.bind(h.createUpdate(ExperimentLog.INSERT), pending).execute();
    setExpiry(h, lease);
    leases.setStatus(h, row, TaskStatus.RUNNING, epoch);
    return lease;
  }

  ExperimentLease renew(ExperimentLease lease, Duration ttl) {
    Leases.requirePositive(ttl);
    return db.inTransaction(
        "renew the lease on experiment " + lease.number() + " of task " + lease.taskId(),
        h -> {
          Instant now = lockCurrent(h, lease).now();
          ExperimentLease renewed = lease.renewedUntil(now.plus(ttl));
          setExpiry(h, renewed);
          return renewed;
        });
  }

  void update(ExperimentLease lease, Experiment experiment) {
    if (!lease.taskId().equals(experiment.taskId()) || lease.number() != experiment.number()) {
      throw new IllegalArgumentException(
          "experiment "
              + experiment.number()
              + " of task "
              + experiment.taskId()
              + " written under the lease on experiment "
              + lease.number()
              + " of task "
              + lease.taskId());
    }
    db.inTransaction(
        "update experiment " + experiment.number() + " of task " + lease.taskId(),
        h -> {
          ExperimentLog.requireForward(lockCurrent(h, lease).experiment(), experiment);
          return Rows.bind(h.createUpdate(ExperimentLog.UPDATE), experiment).execute();
        });
  }

  private static Task task(Handle h, String taskId) {
    return h.createQuery("SELECT " + Rows.TASK_COLUMNS + " FROM autotune_tasks WHERE id = :id")
        .bind("id", taskId)
        .map(Rows::task)
        .one();
  }

  /** Whether an unfinished experiment's own lease is live or expired for less than the grace. */
  static boolean anyLive(Handle h, LeaseRow row, Duration grace) {
    return h.createQuery(
                "SELECT COUNT(*) FROM autotune_experiments WHERE task_id = :id AND status IN ("
                    + ExperimentLog.UNFINISHED
                    + ") AND lease_expires_at > :cutoff")
            .bind("id", row.taskId())
            .bind("cutoff", Times.at(row.now().minus(grace)))
            .mapTo(Long.class)
            .one()
        > 0;
  }

  private static void setExpiry(Handle h, ExperimentLease lease) {
    h.createUpdate(
            "UPDATE autotune_experiments SET lease_expires_at = :expires"
                + " WHERE task_id = :id AND number = :number")
        .bind("expires", Times.at(lease.expiresAt()))
        .bind("id", lease.taskId())
        .bind("number", lease.number())
        .execute();
  }

  /** The experiment's row, locked, with the database's time; throws unless the lease is current. */
  private LockedExperiment lockCurrent(Handle h, ExperimentLease lease) {
    LockedExperiment row =
        h.createQuery(
                "SELECT "
                    + Rows.EXPERIMENT_COLUMNS
                    + ", lease_expires_at AS own_lease_expires_at, "
                    + db.dialect.now()
                    + " AS db_now FROM autotune_experiments"
                    + " WHERE task_id = :id AND number = :number FOR UPDATE")
            .bind("id", lease.taskId())
            .bind("number", lease.number())
            .map(
                (rs, ctx) ->
                    new LockedExperiment(
                        Rows.experiment(rs, ctx),
                        Times.optional(rs, "own_lease_expires_at"),
                        Times.read(rs, "db_now")))
            .findOne()
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "task " + lease.taskId() + " has no experiment " + lease.number()));
    LockedExperiment now = leases.at(row);
    now.requireCurrent(lease);
    return now;
  }

  /** An experiment's row read with its own lease's expiry and the database's time. */
  record LockedExperiment(Experiment experiment, Optional<Instant> expiresAt, Instant now) {
    void requireCurrent(ExperimentLease lease) {
      Experiment e = experiment;
      if (expiresAt.isEmpty()
          || !e.workerId().equals(lease.workerId())
          || e.epoch() != lease.epoch()) {
        throw lost(
            lease,
            "experiment "
                + e.number()
                + " is held by "
                + e.workerId()
                + " with epoch "
                + e.epoch());
      }
      if (e.status() == ExperimentStatus.ABANDONED) {
        throw lost(
            lease, "experiment " + e.number() + " was marked ABANDONED: " + e.error().orElse(""));
      }
      if (!now.isBefore(expiresAt.get())) {
        throw lost(lease, "experiment " + e.number() + "'s lease expired at " + expiresAt.get());
      }
    }

    LockedExperiment at(Instant time) {
      return new LockedExperiment(experiment, expiresAt, time);
    }

    private static LeaseLostException lost(ExperimentLease lease, String why) {
      return new LeaseLostException(lease.taskId(), lease.workerId(), lease.epoch(), why);
    }
  }
}
