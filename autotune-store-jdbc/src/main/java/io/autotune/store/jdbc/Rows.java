package io.autotune.store.jdbc;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps rows to the model's records and binds the records' fields to statements. */
final class Rows {
  static final String TASK_COLUMNS =
      "id, spec, status, created_at, updated_at, owner, epoch, lease_expires_at, cancel_requested";
  static final String EXPERIMENT_COLUMNS =
      "task_id, number, configuration, status, created_at, started_at, benchmarking_at,"
          + " finished_at, metrics, score, error, worker_id, epoch, processes, gpus";
  static final String WORKER_COLUMNS = "id, host, pid, started_at, last_heartbeat, stopped_at";

  private Rows() {}

  static Task task(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Task(
        rs.getString("id"),
        TaskJson.parse(rs.getString("spec")),
        TaskStatus.valueOf(rs.getString("status")),
        Times.read(rs, "created_at"),
        Times.read(rs, "updated_at"),
        Optional.ofNullable(rs.getString("owner")),
        rs.getLong("epoch"),
        Times.optional(rs, "lease_expires_at"),
        rs.getBoolean("cancel_requested"));
  }

  static Experiment experiment(ResultSet rs, StatementContext ctx) throws SQLException {
    double score = rs.getDouble("score");
    OptionalDouble scored = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
    return new Experiment(
        rs.getString("task_id"),
        rs.getInt("number"),
        Json.configuration(rs.getString("configuration")),
        ExperimentStatus.valueOf(rs.getString("status")),
        Times.read(rs, "created_at"),
        Times.optional(rs, "started_at"),
        Times.optional(rs, "benchmarking_at"),
        Times.optional(rs, "finished_at"),
        Json.metrics(rs.getString("metrics")),
        scored,
        Optional.ofNullable(rs.getString("error")),
        rs.getString("worker_id"),
        rs.getLong("epoch"),
        Json.processes(rs.getString("processes")),
        Json.gpus(rs.getString("gpus")));
  }

  static WorkerInfo worker(ResultSet rs, StatementContext ctx) throws SQLException {
    return new WorkerInfo(
        rs.getString("id"),
        rs.getString("host"),
        rs.getLong("pid"),
        Times.read(rs, "started_at"),
        Times.read(rs, "last_heartbeat"),
        Times.optional(rs, "stopped_at"));
  }

  /** Binds every column of {@link #EXPERIMENT_COLUMNS} by its name. */
  static <S extends SqlStatement<S>> S bind(S statement, Experiment e) {
    return statement
        .bind("task_id", e.taskId())
        .bind("number", e.number())
        .bind("configuration", Json.write(e.configuration().values()))
        .bind("status", e.status().name())
        .bind("created_at", Times.at(e.createdAt()))
        .bind("started_at", Times.at(e.startedAt()))
        .bind("benchmarking_at", Times.at(e.benchmarkingAt()))
        .bind("finished_at", Times.at(e.finishedAt()))
        .bind("metrics", Json.write(e.metrics()))
        .bindByType("score", e.score().isPresent() ? e.score().getAsDouble() : null, Double.class)
        .bindByType("error", e.error().orElse(null), String.class)
        .bind("worker_id", e.workerId())
        .bind("epoch", e.epoch())
        .bind("processes", Json.processes(e.processes()))
        .bind("gpus", Json.write(e.gpus()));
  }

  static <S extends SqlStatement<S>> S bind(S statement, WorkerInfo w) {
    return statement
        .bind("id", w.id())
        .bind("host", w.host())
        .bind("pid", w.pid())
        .bind("started_at", Times.at(w.startedAt()))
        .bind("last_heartbeat", Times.at(w.lastHeartbeat()))
        .bind("stopped_at", Times.at(w.stoppedAt()));
  }

  /** ":a, :b, ..." for a column list. */
  static String parameters(String columns) {
    return ":" + columns.replace(", ", ", :").replace(",\n", ", :");
  }
}
