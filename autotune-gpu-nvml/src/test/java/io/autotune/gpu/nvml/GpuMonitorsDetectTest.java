package io.autotune.gpu.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.spi.GpuMonitor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuMonitorsDetectTest {
  private static final List<String> NO_NVML = List.of("/nonexistent/libnvidia-ml.so.1");

  @TempDir Path directory;
  private List<String> nvidiaSmi;

  @BeforeEach
  void fakes() throws Exception {
    FakeNvml.build();
    nvidiaSmi = FakeNvidiaSmi.answering(directory, "two-h100.csv", "compute-apps.csv");
  }

  @Test
  void nvmlComesFirst() {
    try (GpuMonitor monitor = GpuMonitors.detect(FakeNvml.names(), nvidiaSmi)) {
      assertThat(monitor.name()).isEqualTo("nvml");
      assertThat(monitor.sample()).isEqualTo(NvmlGpuMonitorTest.FAKE_GPUS);
    }
  }

  @Test
  void withoutTheLibraryNvidiaSmiIsUsed() {
    try (GpuMonitor monitor = GpuMonitors.detect(NO_NVML, nvidiaSmi)) {
      assertThat(monitor.name()).isEqualTo("nvidia-smi");
      assertThat(monitor.unavailableReason()).isEmpty();
      assertThat(monitor.sample()).isEqualTo(NvidiaSmiCsvTest.TWO_H100_WITH_APPS);
    }
  }

  @Test
  void whenNvmlCannotInitialiseNvidiaSmiIsUsedAndNvmlIsShutNoMoreThanStarted() {
    FakeNvml.setInitResult(FakeNvml.ERROR_DRIVER_NOT_LOADED);

    try (GpuMonitor monitor = GpuMonitors.detect(FakeNvml.names(), nvidiaSmi)) {
      assertThat(monitor.name()).isEqualTo("nvidia-smi");
    }
    assertThat(FakeNvml.shutdownCalls()).isZero();
  }

  @Test
  void withNeitherTheMonitorIsNoneAndSaysWhyForBoth() throws Exception {
    GpuMonitor monitor = GpuMonitors.detect(NO_NVML, FakeNvidiaSmi.failing(directory));

    assertThat(monitor.name()).isEqualTo("none");
    assertThat(monitor.sample()).isEmpty();
    assertThat(monitor.unavailableReason().orElseThrow())
        .startsWith("no GPU monitor: nvml: libnvidia-ml not found (")
        .endsWith(
            "; nvidia-smi: nvidia-smi exited with 9: NVIDIA-SMI has failed because it couldn't"
                + " communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is"
                + " installed and running.");
  }

  @Test
  @SuppressWarnings("StringConcatToTextBlock") // mixed line endings, \n and \r\n, on purpose
  void noGpuIsLoggedInOneLineSayingSo() {
    String loaderError =
        "libnvidia-ml not found (Unable to load library 'nvidia-ml':\n"
            + "  libnvidia-ml.so: cannot open shared object file\r\n"
            + "  Native library (linux-x86-64/libnvidia-ml.so) not found in resource path)";

    assertThat(GpuMonitors.noGpuLine(loaderError))
        .startsWith("GPU monitor: none, no NVIDIA GPU found (libnvidia-ml not found (")
        .contains("'nvidia-ml': | libnvidia-ml.so: cannot open shared object file | Native")
        .doesNotContain("\n", "\r");
  }

  @Test
  void aMissingNvidiaSmiCommandIsAReasonNotAnError() {
    GpuMonitor monitor = GpuMonitors.detect(NO_NVML, List.of("/nonexistent/nvidia-smi"));

    assertThat(monitor.unavailableReason().orElseThrow())
        .contains("; nvidia-smi: nvidia-smi cannot be run: Cannot run program");
  }
}
