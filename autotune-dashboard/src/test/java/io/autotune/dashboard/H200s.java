package io.autotune.dashboard;

import io.autotune.spi.GpuInfo;
import io.autotune.testing.FakeGpuMonitor;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Core's {@link FakeGpuMonitor} with two H200-sized GPUs, one busy and one idle. */
final class H200s {
  private static final long MIB = 1024 * 1024;

  private H200s() {}

  static FakeGpuMonitor twoGpus() {
    return new FakeGpuMonitor(List.of(gpu(0, 120_000, 95), gpu(1, 1_024, 42)));
  }

  /** A monitor whose sampling fails. */
  static FakeGpuMonitor failing() {
    FakeGpuMonitor monitor = twoGpus();
    monitor.setFailing(true);
    return monitor;
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
