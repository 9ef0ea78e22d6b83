package io.autotune.gpu.nvml;

import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.util.List;
import java.util.Optional;

/** A monitor of a kind that cannot be used here: no GPUs, and why. Immutable. */
record UnavailableMonitor(String name, String reason) implements GpuMonitor {

  @Override
  public List<GpuInfo> sample() {
    return List.of();
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.of(reason);
  }
}
