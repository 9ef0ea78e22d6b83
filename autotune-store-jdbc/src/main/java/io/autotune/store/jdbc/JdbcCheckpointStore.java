package io.autotune.store.jdbc;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.Proposer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link CheckpointStore} in a relational database: H2 embedded in a file (the default, nothing
 * to install) or PostgreSQL shared by workers on many hosts. The schema is created and upgraded by
 * versioned migrations when the store opens.
 *
 * <p>Leases follow the database's clock, never the JVM's: hosts whose clocks disagree still agree
 * on who holds a task. Every fenced write locks the task's row, checks (owner, epoch, expiry) and
 * writes in one transaction. Database failures surface as {@link io.autotune.StoreException}; the
 * caller retries them.
 *
 * <pre>{@code
 * try (CheckpointStore store = JdbcCheckpointStore.open("jdbc:postgresql://db/autotune")) { ... }
 * }</pre>
 *
 * <p>Thread-safe: connections come from a pool, each call is its own transaction.
 */
public final class JdbcCheckpointStore implements CheckpointStore {
  /**
   * The default URL: an H2 database in {@code ./autotune-data}. Like every H2 file URL that does
   * not set AUTO_SERVER or FILE_LOCK itself, it is opened with {@code ;AUTO_SERVER=TRUE}: the first
   * process serves the file to the others on this host.
   */
  public static final String DEFAULT_URL = "jdbc:h2:file:./autotune-data/autotune";

  private final Database db;
  private final Leases leases;
  private final ExperimentLog log;
  private final DeadOwners deadOwners;
  private final ExperimentLeases experimentLeases;

  JdbcCheckpointStore(JdbcCheckpointStoreBuilder options) {
    this.db = new Database(options);
    this.leases = new Leases(db, options.grace, options.clock);
    this.log = new ExperimentLog(db, leases::lockCurrent);
    this.deadOwners = new DeadOwners(db, leases);
    this.experimentLeases = new ExperimentLeases(db, leases);
  }

  /** Opens (creating or upgrading its schema) the store at {@code url} with default settings. */
  public static JdbcCheckpointStore open(String url) {
    return builder().url(url).build();
  }

  public static JdbcCheckpointStoreBuilder builder() {
    return new JdbcCheckpointStoreBuilder();
  }

  @Override
  public Task createTask(TaskSpec spec) {
    Objects.requireNonNull(spec, "spec");
    String id = UUID.randomUUID().toString();
    return db.inTransaction(
        "create task " + spec.name(),
        h -> {
          Instant now = leases.now(h);
          h.createUpdate(
                  "INSERT INTO autotune_tasks (id, name, spec, status, created_at, updated_at,"
                      + " epoch, cancel_requested)"
                      + " VALUES (:id, :name, :spec, 'PENDING', :now, :now, 0, FALSE)")
              .bind("id", id)
              .bind("name", spec.name())
              .bind("spec", TaskJson.write(spec))
              .bind("now", Times.at(now))
              .execute();
          return new Task(
              id, spec, TaskStatus.PENDING, now, now, Optional.empty(), 0, Optional.empty(), false);
        });
  }

  @Override
  public Optional<Task> task(String taskId) {
    return db.read(
        "read task " + taskId,
        h ->
            h.createQuery("SELECT " + Rows.TASK_COLUMNS + " FROM autotune_tasks WHERE id = :id")
                .bind("id", taskId)
                .map(Rows::task)
                .findOne());
  }

  @Override
  public List<Task> tasks() {
    return db.read(
        "list tasks",
        h ->
            h.createQuery("SELECT " + Rows.TASK_COLUMNS + " FROM autotune_tasks ORDER BY seq")
                .map(Rows::task)
                .list());
  }

  @Override
  public void requestCancel(String taskId) {
    int rows =
        db.inTransaction(
            "cancel task " + taskId,
            h ->
                h.createUpdate(
                        "UPDATE autotune_tasks SET cancel_requested = TRUE, updated_at = :now"
                            + " WHERE id = :id")
                    .bind("id", taskId)
                    .bind("now", Times.at(leases.now(h)))
                    .execute());
    if (rows == 0) {
      throw new NoSuchElementException("no task with id " + taskId);
    }
  }

  @Override
  public Optional<Lease> acquire(String taskId, String workerId, Duration ttl) {
    return leases.acquire(taskId, workerId, ttl);
  }

  @Override
  public Lease renew(Lease lease, Duration ttl) {
    return leases.renew(lease, ttl);
  }

  @Override
  public void release(Lease lease) {
    leases.release(lease);
  }

  /**
   * Claims the oldest runnable task. On PostgreSQL, with {@code FOR UPDATE SKIP LOCKED}: workers
   * claiming at once take different tasks instead of queueing on the same row. Tasks asked to
   * cancel are claimed too: whoever takes one over from a dead owner marks its experiments and
   * finishes it CANCELLED, instead of leaving it RUNNING forever.
   */
  @Override
  public Optional<Lease> claim(String workerId, Duration ttl) {
    return leases.claim(workerId, ttl);
  }

  @Override
  public List<Experiment> experiments(String taskId) {
    return log.experiments(taskId);
  }

  @Override
  public void insertExperiment(Lease lease, Experiment experiment) {
    log.insert(lease, experiment);
  }

  @Override
  public void updateExperiment(Lease lease, Experiment experiment) {
    log.update(lease, experiment);
  }

  @Override
  public Optional<ExperimentLease> propose(
      String taskId, String workerId, Duration ttl, Proposer proposer) {
    return experimentLeases.propose(taskId, workerId, ttl, proposer);
  }

  @Override
  public ExperimentLease renew(ExperimentLease lease, Duration ttl) {
    return experimentLeases.renew(lease, ttl);
  }

  @Override
  public void updateExperiment(ExperimentLease lease, Experiment experiment) {
    experimentLeases.update(lease, experiment);
  }

  /** The checkpoint's text as saved, even if it does not parse: repairing it is the loop's job. */
  @Override
  public Optional<String> checkpoint(String taskId) {
    return db.read(
        "read the checkpoint of task " + taskId,
        h ->
            h.createQuery("SELECT checkpoint FROM autotune_tasks WHERE id = :id")
                .bind("id", taskId)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void saveCheckpoint(Lease lease, String checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    db.inTransaction(
        "save the checkpoint of task " + lease.taskId(),
        h -> {
          leases.lockCurrent(h, lease);
          return h.createUpdate("UPDATE autotune_tasks SET checkpoint = :checkpoint WHERE id = :id")
              .bind("id", lease.taskId())
              .bind("checkpoint", checkpoint)
              .execute();
        });
  }

  @Override
  public void finishTask(Lease lease, TaskStatus status) {
    leases.finish(lease, status);
  }

  /** The database's time (or the test clock's, if the builder was given one). */
  @Override
  public Instant now() {
    return db.read("read the database's clock", leases::now);
  }

  @Override
  public List<Experiment> abandonDeadOwners() {
    return deadOwners.abandon();
  }

  @Override
  public void heartbeat(WorkerInfo worker) {
    db.inTransaction("record worker " + worker.id(), h -> Workers.upsert(h, worker));
  }

  @Override
  public List<WorkerInfo> workers() {
    return db.read("list workers", Workers::all);
  }

  @Override
  public void close() {
    db.close();
  }
}
