package io.autotune.spi;

import io.autotune.DuplicateExperimentException;
import io.autotune.LeaseLostException;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything persistent about tasks: task records, the experiment log, the checkpoint and leases.
 *
 * <p>One SPI on purpose, although larger than the others: a fenced write checks the writer's lease
 * in the same transaction as the data it writes, which separate stores could not do. A fenced write
 * succeeds only if the writer is the lease's current owner with the current epoch and the lease has
 * not expired by the store's clock; otherwise it throws {@link LeaseLostException} and changes
 * nothing. An expired lease is granted again only after the TTL plus the store's grace period
 * (lock-delay), because a process on a GPU cannot check tokens.
 *
 * <p>Implementations are thread-safe; other failures are reported as {@link
 * io.autotune.StoreException}.
 */
public interface CheckpointStore extends AutoCloseable {

  /**
   * An in-memory store on the system clock with a 15 s grace period (longer than the tuner's 10 s
   * kill grace); for tests and one process.
   */
  static CheckpointStore inMemory() {
    return inMemory(Clock.systemUTC(), Duration.ofSeconds(15));
  }

  /** An in-memory store whose lease expiry follows {@code clock}. */
  static CheckpointStore inMemory(Clock clock, Duration grace) {
    return new InMemoryCheckpointStore(clock, grace);
  }

  // ---- tasks

  /** Adds a PENDING task and returns it with its new id. */
  Task createTask(TaskSpec spec);

  Optional<Task> task(String taskId);

  /** Every task, oldest first. */
  List<Task> tasks();

  /** Asks the task's owner to stop; it sees the flag at its next step or heartbeat. */
  void requestCancel(String taskId);

  // ---- leases

  /**
   * Grants the lease on a task that is not final and whose lease is free, released, or expired for
   * longer than the grace period; the task becomes RUNNING and its epoch grows by one. Empty when
   * another worker holds it, when an experiment lease ({@link #propose}) on it is live or expired
   * for less than the grace period, or when the task is final.
   */
  Optional<Lease> acquire(String taskId, String workerId, Duration ttl);

  /**
   * Extends a current lease by {@code ttl} from now.
   *
   * @throws LeaseLostException if the lease is no longer current
   */
  Lease renew(Lease lease, Duration ttl);

  /** Gives the lease up without changing the task's status; a stale lease is ignored. */
  void release(Lease lease);

  /**
   * Claims some runnable task (PENDING, or RUNNING with a lease expired past the grace period) for
   * {@code workerId}. The default tries the tasks in order; stores shared by many hosts override it
   * (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}).
   */
  default Optional<Lease> claim(String workerId, Duration ttl) {
    for (Task task : tasks()) {
      if (!task.status().isFinal() && !task.cancelRequested()) {
        Optional<Lease> lease = acquire(task.id(), workerId, ttl);
        if (lease.isPresent()) {
          return lease;
        }
      }
    }
    return Optional.empty();
  }

  // ---- the experiment log

  /** The task's experiments in number order. */
  List<Experiment> experiments(String taskId);

  /**
   * Records a new experiment (fenced).
   *
   * @throws DuplicateExperimentException if the number is taken
   */
  void insertExperiment(Lease lease, Experiment experiment);

  /**
   * Replaces a recorded experiment (fenced). The status only moves forward.
   *
   * @throws IllegalStateException if the status would move backwards or out of a final status
   */
  void updateExperiment(Lease lease, Experiment experiment);

  // ---- experiments shared among workers

  /**
   * Proposes the next experiment of a task whose experiments any worker may run. With the task
   * locked, it marks ABANDONED the unfinished experiments whose owner died (as {@link
   * #abandonDeadOwners()} does), asks {@code proposer} what to do with the task and its log, and
   * then: for {@link Proposer.Run}, records the next experiment PENDING for {@code workerId} under
   * a lease of its own (epoch: the task's epoch plus one, expiring {@code ttl} from now) and makes
   * the task RUNNING; for {@link Proposer.Finish}, sets the task's final status; for {@link
   * Proposer.Wait}, changes nothing.
   *
   * <p>Empty unless an experiment was recorded; always empty when the task is final or while a
   * worker holds the task's own lease ({@link #acquire}): a task is run either by one owner or by
   * experiment leases, never both at once.
   */
  Optional<ExperimentLease> propose(
      String taskId, String workerId, Duration ttl, Proposer proposer);

  /**
   * Extends an experiment's lease by {@code ttl} from now.
   *
   * @throws LeaseLostException if the lease is no longer current (expired, or the experiment was
   *     marked ABANDONED)
   */
  ExperimentLease renew(ExperimentLease lease, Duration ttl);

  /**
   * Replaces an experiment recorded by {@link #propose}, fenced by its own lease. The status only
   * moves forward.
   *
   * @throws LeaseLostException if the lease is not current
   * @throws IllegalStateException if the status would move backwards or out of a final status
   */
  void updateExperiment(ExperimentLease lease, Experiment experiment);

  // ---- the checkpoint (a cache of state derived from the log)

  Optional<String> checkpoint(String taskId);

  void saveCheckpoint(Lease lease, String checkpoint);

  /** Sets the task's final status and releases the lease (fenced). */
  void finishTask(Lease lease, TaskStatus status);

  // ---- dead owners

  /**
   * The time by which this store judges leases: for a shared store the database server's clock, so
   * that a reader compares {@link Task#leaseExpiresAt()} with the clock the lease code uses.
   * Default: the system clock.
   */
  default Instant now() {
    return Instant.now();
  }

  /**
   * Marks ABANDONED the unfinished experiments of every task that is not final and whose lease has
   * expired by the store's clock, or was released: their owner died (SIGKILL, a lost host) or can
   * no longer write them, since a fenced write needs a lease that has not expired. The check and
   * the marks are one transaction with the task locked, as for a fenced write: a task whose lease
   * is live is never touched. The lease itself is left as it is, so that a new owner still gets it
   * only after the TTL plus the grace period. Readers (the command line's {@code status}, the
   * dashboard) and workers call it, so that a task that nobody resumes does not show experiments
   * running forever. The processes of a marked experiment are killed by the next worker that starts
   * on their host or takes the task over.
   *
   * <p>The default marks nothing: a store that cannot check a lease and write in one transaction
   * must not implement it.
   *
   * @return the experiments it marked, as recorded now
   */
  default List<Experiment> abandonDeadOwners() {
    return List.of();
  }

  // ---- workers

  /** Records that a worker is alive (creates it on first call). */
  default void heartbeat(WorkerInfo worker) {}

  /** Every worker the store knows. */
  default List<WorkerInfo> workers() {
    return List.of();
  }

  @Override
  default void close() {}
}
