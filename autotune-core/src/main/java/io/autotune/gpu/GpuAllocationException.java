package io.autotune.gpu;

import io.autotune.AutotuneException;

/**
 * An experiment could not get the GPUs it needs: the host has too few, or too few were freed before
 * its wait ran out. The message says which experiments hold which GPUs.
 */
public final class GpuAllocationException extends AutotuneException {
  private static final long serialVersionUID = 1L;
  private final int experiment;

  GpuAllocationException(int experiment, String message) {
    super(message);
    this.experiment = experiment;
  }

  /** The number of the experiment that asked. */
  public int experiment() {
    return experiment;
  }
}
