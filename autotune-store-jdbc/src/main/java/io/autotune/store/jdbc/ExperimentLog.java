package io.autotune.store.jdbc;

import io.autotune.DuplicateExperimentException;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** The experiments table: the log that is the source of truth. Thread-safe. */
final class ExperimentLog {
  static final String INSERT =
      "INSERT INTO autotune_experiments ("
          + Rows.EXPERIMENT_COLUMNS
          + ") VALUES ("
          + Rows.parameters(Rows.EXPERIMENT_COLUMNS)
          + ")";
  static final String UPDATE =
      "UPDATE autotune_experiments SET status = :status, started_at = :started_at,"
          + " benchmarking_at = :benchmarking_at, finished_at = :finished_at, metrics = :metrics,"
          + " score = :score, error = :error, processes = :processes, gpus = :gpus"
          + " WHERE task_id = :task_id AND number = :number";

  /** The statuses an experiment leaves: PENDING, DEPLOYING, BENCHMARKING, quoted for SQL. */
  static final String UNFINISHED =
      Arrays.stream(ExperimentStatus.values())
          .filter(s -> !s.isFinal())
          .map(s -> "'" + s.name() + "'")
          .collect(Collectors.joining(", "));

  private final Database db;
  private final BiConsumer<Handle, Lease> fence;

  /** {@code fence} locks the task's row and throws unless the lease is current. */
  ExperimentLog(Database db, BiConsumer<Handle, Lease> fence) {
    this.db = db;
    this.fence = fence;
  }

  List<Experiment> experiments(String taskId) {
    return db.read("read the experiments of task " + taskId, h -> experiments(h, taskId));
  }

  void insert(Lease lease, Experiment experiment) {
    requireSameTask(lease, experiment);
    db.inTransaction(
        "record experiment " + experiment.number() + " of task " + lease.taskId(),
        h -> {
          fence.accept(h, lease);
          try {
            return Rows.bind(h.createUpdate(INSERT), experiment).execute();
          } catch (JdbiException e) {
            if (Database.UNIQUE_VIOLATION.equals(Database.sqlState(e))) {
              throw new DuplicateExperimentException(lease.taskId(), experiment.number());
            }
            throw e;
          }
        });
  }

  /** The task's row lock serialises this read-check-write against the owner's other writes. */
  void update(Lease lease, Experiment experiment) {
    requireSameTask(lease, experiment);
    db.inTransaction(
        "update experiment " + experiment.number() + " of task " + lease.taskId(),
        h -> {
          fence.accept(h, lease);
          requireForward(recorded(h, experiment), experiment);
          return Rows.bind(h.createUpdate(UPDATE), experiment).execute();
        });
  }

  /**
   * Marks ABANDONED the task's unfinished experiments whose owner can no longer write them: their
   * own lease ({@link ExperimentLeases}) expired, or, without one, the task's lease was released or
   * has expired. The caller holds the task's row lock; the experiments' rows are locked too, so
   * that a fenced write committed first is seen and one that comes later is refused.
   */
  static List<Experiment> abandonDead(Handle h, LeaseRow row) {
    if (row.status().isFinal()) {
      return List.of();
    }
    List<Experiment> abandoned =
        h
            .createQuery(
                "SELECT "
                    + Rows.EXPERIMENT_COLUMNS
                    + ", lease_expires_at AS own_lease_expires_at"
                    + " FROM autotune_experiments WHERE task_id = :id AND status IN ("
                    + UNFINISHED
                    + ") ORDER BY number FOR UPDATE")
            .bind("id", row.taskId())
            .map(
                (rs, ctx) -> {
                  Experiment e = Rows.experiment(rs, ctx);
                  Optional<Instant> own = Times.optional(rs, "own_lease_expires_at");
                  boolean dead =
                      own.isPresent() ? !row.now().isBefore(own.get()) : row.hasNoLiveOwner();
                  return dead
                      ? Optional.of(
                          e.abandonedByDeadOwner(
                              row.now(), own.isPresent() ? own : row.expiresAt()))
                      : Optional.<Experiment>empty();
                })
            .stream()
            .flatMap(Optional::stream)
            .toList();
    for (Experiment e : abandoned) {
      Rows.bind(h.createUpdate(UPDATE), e).execute();
    }
    return abandoned;
  }

  /** The task's experiments in number order, read in the caller's transaction. */
  static List<Experiment> experiments(Handle h, String taskId) {
    return h.createQuery(
            "SELECT "
                + Rows.EXPERIMENT_COLUMNS
                + " FROM autotune_experiments WHERE task_id = :id ORDER BY number")
        .bind("id", taskId)
        .map(Rows::experiment)
        .list();
  }

  private static Experiment recorded(Handle h, Experiment experiment) {
    return h.createQuery(
            "SELECT "
                + Rows.EXPERIMENT_COLUMNS
                + " FROM autotune_experiments WHERE task_id = :id AND number = :number")
        .bind("id", experiment.taskId())
        .bind("number", experiment.number())
        .map(Rows::experiment)
        .findOne()
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "task " + experiment.taskId() + " has no experiment " + experiment.number()));
  }

  static void requireForward(Experiment old, Experiment next) {
    if (old.status() != next.status() && !old.status().canMoveTo(next.status())) {
      throw new IllegalStateException(
          "experiment "
              + next.number()
              + " cannot move from "
              + old.status()
              + " to "
              + next.status());
    }
    if (old.status().isFinal() && !old.equals(next)) {
      throw new IllegalStateException(
          "experiment " + next.number() + " is final (" + old.status() + ")");
    }
  }

  private static void requireSameTask(Lease lease, Experiment experiment) {
    if (!lease.taskId().equals(experiment.taskId())) {
      throw new IllegalArgumentException(
          "experiment of task "
              + experiment.taskId()
              + " written under a lease on "
              + lease.taskId());
    }
  }
}
