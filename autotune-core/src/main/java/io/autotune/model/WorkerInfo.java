package io.autotune.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A worker process as the store knows it. The id is random per process start, never the host name,
 * so a restarted worker is a new worker.
 */
public record WorkerInfo(
    String id,
    String host,
    long pid,
    Instant startedAt,
    Instant lastHeartbeat,
    Optional<Instant> stoppedAt) {
  public WorkerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    Objects.requireNonNull(stoppedAt, "stoppedAt");
  }
}
