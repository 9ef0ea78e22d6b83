package io.autotune.store.jdbc;

import io.autotune.model.WorkerInfo;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The workers table: who is alive, by their own heartbeats. */
final class Workers {
  private Workers() {}

  /** Updates the worker's row, or inserts it on its first heartbeat. */
  static Void upsert(Handle h, WorkerInfo worker) {
    int updated =
        Rows.bind(
                h.createUpdate(
                    "UPDATE autotune_workers SET host = :host, pid = :pid, started_at = :started_at,"
                        + " last_heartbeat = :last_heartbeat, stopped_at = :stopped_at"
                        + " WHERE id = :id"),
                worker)
            .execute();
    if (updated == 0) {
      Rows.bind(
              h.createUpdate(
                  "INSERT INTO autotune_workers ("
                      + Rows.WORKER_COLUMNS
                      + ") VALUES ("
                      + Rows.parameters(Rows.WORKER_COLUMNS)
                      + ")"),
              worker)
          .execute();
    }
    return null;
  }

  static List<WorkerInfo> all(Handle h) {
    return h.createQuery(
            "SELECT " + Rows.WORKER_COLUMNS + " FROM autotune_workers ORDER BY started_at, id")
        .map(Rows::worker)
        .list();
  }
}
