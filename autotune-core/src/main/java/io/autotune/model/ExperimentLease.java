package io.autotune.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's right to run and record one experiment of a task shared among workers, until {@code
 * expiresAt} (the store's clock). The epoch is the fencing token: the task's epoch counter when the
 * experiment was proposed, so no two experiments or task leases ever share one; every write the
 * worker makes on the experiment carries it, and the store rejects a stale or expired one.
 */
public record ExperimentLease(
    String taskId, int number, String workerId, long epoch, Instant expiresAt) {
  public ExperimentLease {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** This lease extended to {@code expiresAt}. */
  public ExperimentLease renewedUntil(Instant expiresAt) {
    return new ExperimentLease(taskId, number, workerId, epoch, expiresAt);
  }
}
