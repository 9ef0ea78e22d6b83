package io.autotune.internal;

import io.autotune.AutotuneException;

/**
 * An experiment could not get the GPUs it needs: the host has too few, or too few were freed before
 * its wait ran out. The message says which experiments hold which GPUs.
 */
final class GpuAllocationException extends AutotuneException {
  private static final long serialVersionUID = 1L;
  private final String holder;

  GpuAllocationException(String holder, String message) {
    super(message);
    this.holder = holder;
  }

  /** Who asked, e.g. {@code "experiment 7"}. */
  public String holder() {
    return holder;
  }
}
