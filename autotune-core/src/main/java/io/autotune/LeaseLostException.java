package io.autotune;

/**
 * A fenced write was rejected: the writer's lease on the task is no longer current (another worker
 * holds a newer epoch, or the lease expired). The writer must stop acting on the task at once.
 */
public final class LeaseLostException extends AutotuneException {
  private static final long serialVersionUID = 1L;
  private final String taskId;
  private final String workerId;
  private final long epoch;

  public LeaseLostException(String taskId, String workerId, long epoch, String why) {
    super(
        "lease on task "
            + taskId
            + " lost by worker "
            + workerId
            + " (epoch "
            + epoch
            + "): "
            + why);
    this.taskId = taskId;
    this.workerId = workerId;
    this.epoch = epoch;
  }

  public String taskId() {
    return taskId;
  }

  public String workerId() {
    return workerId;
  }

  public long epoch() {
    return epoch;
  }
}
