package io.autotune.spi;

import io.autotune.DuplicateExperimentException;
import io.autotune.LeaseLostException;
import io.autotune.model.Experiment;
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
    boolean free =
        t.owner().isEmpty()
            || t.leaseExpiresAt().map(e -> !now.isBefore(e.plus(grace))).orElse(true);
    if (t.status().isFinal() || !free) {
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
    if (old.status() != experiment.status() && !old.status().canMoveTo(experiment.status())) {
      throw new IllegalStateException(
          "experiment "
              + experiment.number()
              + " cannot move from "
              + old.status()
              + " to "
              + experiment.status());
    }
    if (old.status().isFinal() && !old.equals(experiment)) {
      throw new IllegalStateException(
          "experiment " + experiment.number() + " is final (" + old.status() + ")");
    }
    log.put(experiment.number(), experiment);
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
      if (!t.hasNoLiveOwner(now)) {
        continue;
      }
      TreeMap<Integer, Experiment> log = experiments.get(t.id());
      for (Experiment e : List.copyOf(log.values())) {
        if (!e.status().isFinal()) {
          Experiment abandoned = e.abandonedByDeadOwner(now, t.leaseExpiresAt());
          log.put(e.number(), abandoned);
          marked.add(abandoned);
        }
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
