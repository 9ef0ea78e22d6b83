package io.autotune.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A process an experiment started: enough to find it again after a crash. The start time tells a
 * live process from a later one that reused the pid.
 */
public record ProcessRef(String host, long pid, Instant startedAt) {
  public ProcessRef {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
