package io.autotune.gpu.nvml;

import io.autotune.spi.GpuMonitor;
import io.autotune.spi.GpuMonitorContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The nvidia-smi monitor, over a script answering with recorded output, keeps the contract. */
class NvidiaSmiMonitorContractTest extends GpuMonitorContract {
  @TempDir Path directory;

  @Override
  protected GpuMonitor monitor() {
    try {
      return GpuMonitors.nvidiaSmi(
          FakeNvidiaSmi.answering(directory, "two-h100.csv", "compute-apps.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
