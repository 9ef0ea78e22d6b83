package io.autotune.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's right to act on a task until {@code expiresAt} (the store's clock). The epoch is the
 * fencing token: every write the worker makes carries it, and the store rejects a stale one.
 */
public record Lease(String taskId, String workerId, long epoch, Instant expiresAt) {
  public Lease {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
