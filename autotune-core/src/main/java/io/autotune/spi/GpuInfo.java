package io.autotune.spi;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One GPU at one moment. Metrics the device does not support are empty, not errors.
 *
 * @param utilization GPU utilisation in percent
 * @param memoryUtilization memory-controller utilisation in percent
 * @param temperature degrees Celsius
 * @param powerWatts power draw in watts
 */
public record GpuInfo(
    int index,
    String uuid,
    String name,
    long memoryTotalBytes,
    long memoryUsedBytes,
    long memoryFreeBytes,
    OptionalDouble utilization,
    OptionalDouble memoryUtilization,
    OptionalDouble temperature,
    OptionalDouble powerWatts,
    List<GpuProcess> processes) {

  public GpuInfo {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(utilization, "utilization");
    Objects.requireNonNull(memoryUtilization, "memoryUtilization");
    Objects.requireNonNull(temperature, "temperature");
    Objects.requireNonNull(powerWatts, "powerWatts");
    processes = List.copyOf(processes);
  }

  /** A process using the GPU, with the memory it holds (empty when the driver does not say). */
  public record GpuProcess(long pid, java.util.OptionalLong usedMemoryBytes) {
    public GpuProcess {
      Objects.requireNonNull(usedMemoryBytes, "usedMemoryBytes");
    }
  }
}
