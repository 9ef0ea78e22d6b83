package io.autotune.gpu.nvml;

import io.autotune.spi.GpuMonitor;
import io.autotune.spi.GpuMonitorContract;
import org.junit.jupiter.api.BeforeAll;

/** The NVML monitor, over the fake libnvidia-ml, keeps the GpuMonitor contract. */
class NvmlGpuMonitorContractTest extends GpuMonitorContract {
  @BeforeAll
  static void buildTheFakeLibrary() throws Exception {
    FakeNvml.build();
  }

  @Override
  protected GpuMonitor monitor() {
    return GpuMonitors.nvml(FakeNvml.names());
  }
}
