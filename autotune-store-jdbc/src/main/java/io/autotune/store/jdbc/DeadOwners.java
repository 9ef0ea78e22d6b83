package io.autotune.store.jdbc;

import io.autotune.model.Experiment;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Marks ABANDONED the unfinished experiments whose own lease expired, and those of tasks whose
 * lease expired or was released. A first read finds the candidates; each one is then checked again
 * and marked in a transaction of its own with the task's row locked, like a fenced write: a grant
 * or a renewal that commits first makes the check fail, and one that comes later sees the marks.
 * Thread-safe.
 */
final class DeadOwners {
  private final Database db;
  private final Leases leases;

  DeadOwners(Database db, Leases leases) {
    this.db = db;
    this.leases = leases;
  }

  List<Experiment> abandon() {
    List<Experiment> marked = new ArrayList<>();
    for (String taskId : db.read("look for tasks whose owner died", this::candidates)) {
      marked.addAll(
          db.inTransaction(
              "abandon the experiments of task " + taskId + ", whose owner died",
              h -> {
                return ExperimentLog.abandonDead(h, leases.lock(h, taskId));
              }));
    }
    return marked;
  }

  /**
   * Tasks not final with an unfinished experiment whose own lease expired, or, without one, whose
   * task's lease was released or expired.
   */
  private List<String> candidates(Handle h) {
    return h.createQuery(
            "SELECT id FROM autotune_tasks t WHERE status IN ('PENDING', 'RUNNING')"
                + " AND EXISTS (SELECT 1 FROM autotune_experiments e WHERE e.task_id = t.id"
                + " AND e.status IN ("
                + ExperimentLog.UNFINISHED
                + ") AND (e.lease_expires_at <= :now OR (e.lease_expires_at IS NULL"
                + " AND (t.owner IS NULL OR t.lease_expires_at <= :now)))) ORDER BY seq")
        .bind("now", Times.at(leases.now(h)))
        .mapTo(String.class)
        .list();
  }
}
