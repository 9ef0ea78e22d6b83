package io.autotune.testing;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.Proposer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A store that passes every call on, except {@code close()}: the wrapped store belongs to whoever
 * made it. Tests override {@link #before()} or the calls they want to disturb.
 */
public class ForwardingStore implements CheckpointStore {
  private final CheckpointStore store;

  public ForwardingStore(CheckpointStore store) {
    this.store = store;
  }

  /** Runs before every call is passed on. */
  protected void before() {}

  @Override
  public Task createTask(TaskSpec spec) {
    before();
    return store.createTask(spec);
  }

  @Override
  public Optional<Task> task(String taskId) {
    before();
    return store.task(taskId);
  }

  @Override
  public List<Task> tasks() {
    before();
    return store.tasks();
  }

  @Override
  public void requestCancel(String taskId) {
    before();
    store.requestCancel(taskId);
  }

  @Override
  public Optional<Lease> acquire(String taskId, String workerId, Duration ttl) {
    before();
    return store.acquire(taskId, workerId, ttl);
  }

  @Override
  public Lease renew(Lease lease, Duration ttl) {
    before();
    return store.renew(lease, ttl);
  }

  @Override
  public void release(Lease lease) {
    before();
    store.release(lease);
  }

  @Override
  public List<Experiment> experiments(String taskId) {
    before();
    return store.experiments(taskId);
  }

  @Override
  public void insertExperiment(Lease lease, Experiment experiment) {
    before();
    store.insertExperiment(lease, experiment);
  }

  @Override
  public void updateExperiment(Lease lease, Experiment experiment) {
    before();
    store.updateExperiment(lease, experiment);
  }

  @Override
  public Optional<ExperimentLease> propose(
      String taskId, String workerId, Duration ttl, Proposer proposer) {
    before();
    return store.propose(taskId, workerId, ttl, proposer);
  }

  @Override
  public ExperimentLease renew(ExperimentLease lease, Duration ttl) {
    before();
    return store.renew(lease, ttl);
  }

  @Override
  public void updateExperiment(ExperimentLease lease, Experiment experiment) {
    before();
    store.updateExperiment(lease, experiment);
  }

  @Override
  public Optional<String> checkpoint(String taskId) {
    before();
    return store.checkpoint(taskId);
  }

  @Override
  public void saveCheckpoint(Lease lease, String checkpoint) {
    before();
    store.saveCheckpoint(lease, checkpoint);
  }

  @Override
  public void finishTask(Lease lease, TaskStatus status) {
    before();
    store.finishTask(lease, status);
  }

  @Override
  public Optional<Lease> claim(String workerId, Duration ttl) {
    before();
    return store.claim(workerId, ttl);
  }

  @Override
  public void heartbeat(WorkerInfo worker) {
    before();
    store.heartbeat(worker);
  }

  @Override
  public List<WorkerInfo> workers() {
    before();
    return store.workers();
  }
}
