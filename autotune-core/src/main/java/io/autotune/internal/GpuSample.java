package io.autotune.internal;

import io.autotune.spi.GpuInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One GPU's utilisation and memory at one moment of an experiment. Immutable.
 *
 * @param utilization GPU utilisation in percent, if the GPU reports it
 * @param memoryUtilization memory-controller utilisation in percent, if reported
 * @param powerWatts power draw in watts, if reported
 */
record GpuSample(
    Instant at,
    int index,
    OptionalDouble utilization,
    OptionalDouble memoryUtilization,
    long memoryUsedBytes,
    long memoryTotalBytes,
    OptionalDouble powerWatts) {

  public GpuSample {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(utilization, "utilization");
    Objects.requireNonNull(memoryUtilization, "memoryUtilization");
    Objects.requireNonNull(powerWatts, "powerWatts");
  }

  static GpuSample of(Instant at, GpuInfo gpu) {
    return new GpuSample(
        at,
        gpu.index(),
        gpu.utilization(),
        gpu.memoryUtilization(),
        gpu.memoryUsedBytes(),
        gpu.memoryTotalBytes(),
        gpu.powerWatts());
  }
}
