package io.autotune.spi;

import io.autotune.DuplicateExperimentException;
import io.autotune.LeaseLostException;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A {@link CheckpointStore} in memory with the same lease semantics as the JDBC store. Every method
 * holds the store's lock, so a fenced write checks the lease and writes atomically. Thread-safe.
 */
final class InMemoryCheckpointStore implements CheckpointStore {
  private final Clock clock;
  private final Duration grace;
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, Experiment>> experiments = new LinkedHashMap<>();
  private final Map<String, Map<Integer, Instant>> experimentLeases = new LinkedHashMap<>();
  private final Map<String, String> checkpoints = new LinkedHashMap<>();
  private final Map<String, WorkerInfo> workers = new LinkedHashMap<>();

  public InMemoryCheckpointStore(Clock clock, Duration grace) {
    this.clock = clock;
    this.grace = grace;
  }

  @Override
  public synchronized Task createTask(TaskSpec spec) {
    Instant now = clock.instant();
    Task task =
        new Task(
            UUID.randomUUID().toString(),
            spec,
            TaskStatus.PENDING,
            now,
            now,
            Optional.empty(),
            0,
            Optional.empty(),
            false);
    tasks.put(task.id(), task);
    experiments.put(task.id(), new TreeMap<>());
    experimentLeases.put(task.id(), new LinkedHashMap<>());
    return task;
  }

  @Override
  public synchronized Optional<Task> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId));
  }

  @Override
  public synchronized List<Task> tasks() {
    return List.copyOf(tasks.values());
  }

  @Override
  public synchronized void requestCancel(String taskId) {
    Task t = existing(taskId);
    put(
        new Task(
            t.id(),
            t.spec(),
            t.status(),
            t.createdAt(),
            clock.instant(),
            t.owner(),
            t.epoch(),
            t.leaseExpiresAt(),
            true));
  }

  @Override
  public synchronized Optional<Lease> acquire(String taskId, String workerId, Duration ttl) {
    Task t = existing(taskId);
    Instant now = clock.instant();
    if (t.status().isFinal() || !isFree(t, now) || hasLiveExperimentLease(t, now)) {
      return Optional.empty();
    }
    Lease lease = new Lease(taskId, workerId, t.epoch() + 1, now.plus(ttl));
    put(withLease(t, TaskStatus.RUNNING, Optional.of(lease)));
    return Optional.of(lease);
  }

  @Override
  public synchronized Lease renew(Lease lease, Duration ttl) {
    Task t = fenced(lease);
    Lease renewed =
        new Lease(lease.taskId(), lease.workerId(), lease.epoch(), clock.instant().plus(ttl));
    put(withLease(t, t.status(), Optional.of(renewed)));
    return renewed;
  }

  @Override
  public synchronized void release(Lease lease) {
    Task t = existing(lease.taskId());
    if (isCurrent(t, lease)) {
      put(withLease(t, t.status(), Optional.empty()));
    }
  }

  @Override
  public synchronized List<Experiment> experiments(String taskId) {
    existing(taskId);
    return List.copyOf(experiments.get(taskId).values());
  }

  @Override
  public synchronized void insertExperiment(Lease lease, Experiment experiment) {
    fenced(lease);
    TreeMap<Integer, Experiment> log = experiments.get(lease.taskId());
    if (log.containsKey(experiment.number())) {
      throw new DuplicateExperimentException(lease.taskId(), experiment.number());
    }
    log.put(experiment.number(), experiment);
  }

  @Override
  public synchronized void updateExperiment(Lease lease, Experiment experiment) {
    fenced(lease);
    TreeMap<Integer, Experiment> log = experiments.get(lease.taskId());
    Experiment old = log.get(experiment.number());
    if (old == null) {
      throw new NoSuchElementException(
          "task " + lease.taskId() + " has no experiment " + experiment.number());
    }
    requireForward(old, experiment);
    log.put(experiment.number(), experiment);
  }

  // ---- experiments shared among workers

  @Override
  public synchronized Optional<ExperimentLease> propose(
      String taskId, String workerId, Duration ttl, Proposer proposer) {
    requirePositive(ttl);
    Task t = existing(taskId);
    Instant now = clock.instant();
    if (t.status().isFinal() || !isFree(t, now)) {
      return Optional.empty();
    }
    abandonDead(t, now);
    TreeMap<Integer, Experiment> log = experiments.get(taskId);
    Proposer.Decision decision = proposer.decide(t, List.copyOf(log.values()));
    if (decision instanceof Proposer.Finish finish) {
      put(withLease(t, finish.status(), Optional.empty()));
    } else if (decision instanceof Proposer.Run run) {
      long epoch = t.epoch() + 1;
      int number = log.isEmpty() ? 1 : log.lastKey() + 1;
      log.put(
          number, Experiment.pending(taskId, number, run.configuration(), now, workerId, epoch));
      ExperimentLease lease = new ExperimentLease(taskId, number, workerId, epoch, now.plus(ttl));
      experimentLeases.get(taskId).put(number, lease.expiresAt());
      put(withEpoch(t, epoch));
      return Optional.of(lease);
    }
    return Optional.empty();
  }

  @Override
  public synchronized ExperimentLease renew(ExperimentLease lease, Duration ttl) {
    requirePositive(ttl);
    fenced(lease);
    ExperimentLease renewed = lease.renewedUntil(clock.instant().plus(ttl));
    experimentLeases.get(lease.taskId()).put(lease.number(), renewed.expiresAt());
    return renewed;
  }

  @Override
  public synchronized void updateExperiment(ExperimentLease lease, Experiment experiment) {
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
    Experiment old = fenced(lease);
    requireForward(old, experiment);
    experiments.get(lease.taskId()).put(experiment.number(), experiment);
  }

  @Override
  public synchronized Optional<String> checkpoint(String taskId) {
    existing(taskId);
    return Optional.ofNullable(checkpoints.get(taskId));
  }

  @Override
  public synchronized void saveCheckpoint(Lease lease, String checkpoint) {
    fenced(lease);
    checkpoints.put(lease.taskId(), checkpoint);
  }

  @Override
  public synchronized void finishTask(Lease lease, TaskStatus status) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    Task t = fenced(lease);
    put(withLease(t, status, Optional.empty()));
  }

  @Override
  public synchronized Instant now() {
    return clock.instant();
  }

  @Override
  public synchronized List<Experiment> abandonDeadOwners() {
    Instant now = clock.instant();
    List<Experiment> marked = new ArrayList<>();
    for (Task t : tasks.values()) {
      marked.addAll(abandonDead(t, now));
    }
    return marked;
  }

  /**
   * Marks the task's unfinished experiments ABANDONED whose owner can no longer write them: an
   * experiment lease expired, or, for experiments under the task's lease, that lease expired or was
   * released.
   */
  private List<Experiment> abandonDead(Task t, Instant now) {
    List<Experiment> marked = new ArrayList<>();
    if (t.status().isFinal()) {
      return marked;
    }
    TreeMap<Integer, Experiment> log = experiments.get(t.id());
    Map<Integer, Instant> leases = experimentLeases.get(t.id());
    for (Experiment e : List.copyOf(log.values())) {
      Optional<Instant> own = Optional.ofNullable(leases.get(e.number()));
      boolean dead = own.isPresent() ? !now.isBefore(own.get()) : t.hasNoLiveOwner(now);
      if (!e.status().isFinal() && dead) {
        Experiment abandoned =
            e.abandonedByDeadOwner(now, own.isPresent() ? own : t.leaseExpiresAt());
        log.put(e.number(), abandoned);
        marked.add(abandoned);
      }
    }
    return marked;
  }

  @Override
  public synchronized void heartbeat(WorkerInfo worker) {
    workers.put(worker.id(), worker);
  }

  @Override
  public synchronized List<WorkerInfo> workers() {
    return List.copyOf(workers.values());
  }

  private Task fenced(Lease lease) {
    Task t = existing(lease.taskId());
    if (!isCurrent(t, lease)) {
      throw new LeaseLostException(
          lease.taskId(),
          lease.workerId(),
          lease.epoch(),
          "the task's lease is held by " + t.owner().orElse("nobody") + " with epoch " + t.epoch());
    }
    if (!clock.instant().isBefore(t.leaseExpiresAt().orElseThrow())) {
      throw new LeaseLostException(
          lease.taskId(), lease.workerId(), lease.epoch(), "the lease expired");
    }
    return t;
  }

  /** The experiment {@code lease} names, if the lease is current; throws otherwise. */
  private Experiment fenced(ExperimentLease lease) {
    existing(lease.taskId());
    Experiment e = experiments.get(lease.taskId()).get(lease.number());
    Instant expires = experimentLeases.get(lease.taskId()).get(lease.number());
    if (e == null || expires == null) {
      throw new NoSuchElementException(
          "task " + lease.taskId() + " has no shared experiment " + lease.number());
    }
    if (!e.workerId().equals(lease.workerId()) || e.epoch() != lease.epoch()) {
      throw new LeaseLostException(
          lease.taskId(),
          lease.workerId(),
          lease.epoch(),
          "experiment " + e.number() + " is held by " + e.workerId() + " with epoch " + e.epoch());
    }
    if (e.status() == ExperimentStatus.ABANDONED) {
      throw new LeaseLostException(
          lease.taskId(),
          lease.workerId(),
          lease.epoch(),
          "experiment " + e.number() + " was marked ABANDONED: " + e.error().orElse(""));
    }
    if (!clock.instant().isBefore(expires)) {
      throw new LeaseLostException(
          lease.taskId(),
          lease.workerId(),
          lease.epoch(),
          "experiment " + e.number() + "'s lease expired at " + expires);
    }
    return e;
  }

  private boolean isFree(Task t, Instant now) {
    return t.owner().isEmpty()
        || t.leaseExpiresAt().map(e -> !now.isBefore(e.plus(grace))).orElse(true);
  }

  /** An unfinished experiment's own lease is live, or expired for less than the grace period. */
  private boolean hasLiveExperimentLease(Task t, Instant now) {
    Map<Integer, Experiment> log = experiments.get(t.id());
    return experimentLeases.get(t.id()).entrySet().stream()
        .anyMatch(
            lease ->
                !log.get(lease.getKey()).status().isFinal()
                    && now.isBefore(lease.getValue().plus(grace)));
  }

  private static void requireForward(Experiment old, Experiment next) {
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

  private static void requirePositive(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, but was " + ttl);
    }
  }

  private static boolean isCurrent(Task t, Lease lease) {
    return t.owner().filter(lease.workerId()::equals).isPresent() && t.epoch() == lease.epoch();
  }

  private Task withLease(Task t, TaskStatus status, Optional<Lease> lease) {
    return new Task(
        t.id(),
        t.spec(),
        status,
        t.createdAt(),
        clock.instant(),
        lease.map(Lease::workerId),
        lease.map(Lease::epoch).orElse(t.epoch()),
        lease.map(Lease::expiresAt),
        t.cancelRequested());
  }

  /** The task RUNNING with {@code epoch}, no owner: its experiments carry their own leases. */
  private Task withEpoch(Task t, long epoch) {
    return new Task(
        t.id(),
        t.spec(),
        TaskStatus.RUNNING,
        t.createdAt(),
        clock.instant(),
        Optional.empty(),
        epoch,
        Optional.empty(),
        t.cancelRequested());
  }

  private Task existing(String taskId) {
    Task t = tasks.get(taskId);
    if (t == null) {
      throw new NoSuchElementException("no task with id " + taskId);
    }
    return t;
  }

  private void put(Task task) {
    tasks.put(task.id(), task);
  }
}
