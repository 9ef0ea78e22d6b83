package io.autotune.testing;

import io.autotune.model.Experiment;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A store seen by a worker that dies: it passes every call through until the checkpoint after
 * experiment {@code survive} is saved, and then fails every call, so nothing more reaches the real
 * store, as when the worker's process is killed.
 */
public final class CrashingStore implements CheckpointStore {
  /** The worker's "death". */
  public static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the worker died");
    }
  }

  private final CheckpointStore store;
  private final int survive;
  private final AtomicBoolean dead = new AtomicBoolean();

  public CrashingStore(CheckpointStore store, int survive) {
    this.store = store;
    this.survive = survive;
  }

  private void alive() {
    if (dead.get()) {
      throw new Crash();
    }
  }

  @Override
  public Task createTask(TaskSpec spec) {
    alive();
    return store.createTask(spec);
  }

  @Override
  public Optional<Task> task(String taskId) {
    alive();
    return store.task(taskId);
  }

  @Override
  public List<Task> tasks() {
    alive();
    return store.tasks();
  }

  @Override
  public void requestCancel(String taskId) {
    alive();
    store.requestCancel(taskId);
  }

  @Override
  public Optional<Lease> acquire(String taskId, String workerId, Duration ttl) {
    alive();
    return store.acquire(taskId, workerId, ttl);
  }

  @Override
  public Lease renew(Lease lease, Duration ttl) {
    alive();
    return store.renew(lease, ttl);
  }

  @Override
  public void release(Lease lease) {
    alive();
    store.release(lease);
  }

  @Override
  public List<Experiment> experiments(String taskId) {
    alive();
    return store.experiments(taskId);
  }

  @Override
  public void insertExperiment(Lease lease, Experiment experiment) {
    alive();
    store.insertExperiment(lease, experiment);
  }

  @Override
  public void updateExperiment(Lease lease, Experiment experiment) {
    alive();
    store.updateExperiment(lease, experiment);
  }

  @Override
  public Optional<String> checkpoint(String taskId) {
    alive();
    return store.checkpoint(taskId);
  }

  @Override
  public void saveCheckpoint(Lease lease, String checkpoint) {
    alive();
    store.saveCheckpoint(lease, checkpoint);
    if (checkpoint.contains("\"finished\":" + survive + ",")) {
      dead.set(true);
    }
  }

  @Override
  public void finishTask(Lease lease, TaskStatus status) {
    alive();
    store.finishTask(lease, status);
  }
}
