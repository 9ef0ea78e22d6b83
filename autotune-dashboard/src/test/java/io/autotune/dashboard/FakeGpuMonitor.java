package io.autotune.dashboard;

import io.autotune.AutotuneException;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Two H200-sized GPUs, one busy and one idle; or a monitor whose sampling fails. */
final class FakeGpuMonitor implements GpuMonitor {
  static final long MIB = 1024 * 1024;
  private final boolean failing;

  private FakeGpuMonitor(boolean failing) {
    this.failing = failing;
  }

  static FakeGpuMonitor twoGpus() {
    return new FakeGpuMonitor(false);
  }

  static FakeGpuMonitor failing() {
    return new FakeGpuMonitor(true);
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public List<GpuInfo> sample() {
    if (failing) {
      throw new AutotuneException("NVML_ERROR_GPU_IS_LOST on /dev/nvidia0");
    }
    return List.of(gpu(0, 120_000, 95), gpu(1, 1_024, 42));
  }

  private static GpuInfo gpu(int index, long usedMib, double utilization) {
    long total = 143_771 * MIB;
    long used = usedMib * MIB;
    return new GpuInfo(
        index,
        "GPU-" + index,
        "NVIDIA H200",
        total,
        used,
        total - used,
        OptionalDouble.of(utilization),
        OptionalDouble.of(30),
        OptionalDouble.of(41 + index),
        OptionalDouble.of(300),
        List.of(new GpuInfo.GpuProcess(100 + index, OptionalLong.empty())));
  }
}
