package io.autotune.gpu.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuInfo.GpuProcess;
import io.autotune.spi.GpuMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JNA binding against the fake libnvidia-ml (src/test/c/fake_nvml.c): real native calls. */
class NvmlGpuMonitorTest {
  private static final long GIB = 1L << 30;

  static final List<GpuInfo> FAKE_GPUS =
      List.of(
          new GpuInfo(
              0,
              "GPU-00000000-0000-0000-0000-000000000000",
              "Fake H100 80GB HBM3",
              80 * GIB,
              GIB,
              79 * GIB,
              OptionalDouble.of(12),
              OptionalDouble.of(3),
              OptionalDouble.of(41),
              OptionalDouble.of(71.234),
              List.of()),
          new GpuInfo(
              1,
              "GPU-11111111-1111-1111-1111-111111111111",
              "Fake A100-SXM4-40GB",
              40 * GIB,
              20 * GIB,
              20 * GIB,
              OptionalDouble.of(97),
              OptionalDouble.of(55),
              OptionalDouble.of(67),
              OptionalDouble.empty(),
              List.of(
                  new GpuProcess(4242, OptionalLong.of(20 * GIB)),
                  new GpuProcess(4343, OptionalLong.empty()))),
          new GpuInfo(
              2,
              "GPU-22222222-2222-2222-2222-222222222222",
              "Fake L4",
              24 * GIB,
              0,
              24 * GIB,
              OptionalDouble.empty(),
              OptionalDouble.empty(),
              OptionalDouble.of(30),
              OptionalDouble.of(20.0),
              List.of()));

  @BeforeEach
  void buildFake() throws Exception {
    FakeNvml.build();
  }

  @Test
  void readsEveryFieldOfEveryGpuAndNotSupportedMetricsAreEmpty() {
    try (GpuMonitor monitor = GpuMonitors.nvml(FakeNvml.names())) {
      assertThat(monitor.name()).isEqualTo("nvml");
      assertThat(monitor.unavailableReason()).isEmpty();
      assertThat(monitor.sample()).isEqualTo(FAKE_GPUS);
    }
  }

  @Test
  void theDefaultNamesFindTheLibraryOnJnasSearchPath() {
    try (GpuMonitor monitor = GpuMonitors.nvml()) {
      assertThat(monitor.sample()).isEqualTo(FAKE_GPUS);
    }
  }

  @Test
  void eachMonitorInitialisesOnceAndShutsDownOnceHoweverOftenItIsUsedOrClosed() throws Exception {
    List<GpuMonitor> monitors = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      monitors.add(GpuMonitors.nvml(FakeNvml.names()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(6);
    List<Future<List<GpuInfo>>> samples = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      samples.add(threads.submit(monitors.get(i % 3)::sample));
    }
    for (Future<List<GpuInfo>> sample : samples) {
      assertThat(sample.get()).isEqualTo(FAKE_GPUS);
    }
    threads.shutdown();
    assertThat(FakeNvml.initCalls()).isEqualTo(3);
    assertThat(FakeNvml.shutdownCalls()).isZero();

    monitors.forEach(GpuMonitor::close);
    monitors.forEach(GpuMonitor::close);

    assertThat(FakeNvml.shutdownCalls()).isEqualTo(3);
  }

  @Test
  void aClosedMonitorRefusesToSample() {
    GpuMonitor monitor = GpuMonitors.nvml(FakeNvml.names());
    monitor.close();

    assertThatThrownBy(monitor::sample)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the NVML monitor is closed");
  }

  @Test
  void aFailingInitIsReportedWithNvmlsOwnMessageAndNeedsNoShutdown() {
    FakeNvml.setInitResult(FakeNvml.ERROR_DRIVER_NOT_LOADED);

    GpuMonitor monitor = GpuMonitors.nvml(FakeNvml.names());
    monitor.close();

    assertThat(monitor.name()).isEqualTo("nvml");
    assertThat(monitor.sample()).isEmpty();
    assertThat(monitor.unavailableReason())
        .hasValue("nvmlInit_v2 failed: fake NVML: Driver Not Loaded (NVML error 9)");
    assertThat(FakeNvml.initCalls()).isEqualTo(1);
    assertThat(FakeNvml.shutdownCalls()).isZero();
  }

  @Test
  void processesThatStartWhileTheyAreListedAreReadOnRetry() {
    try (GpuMonitor monitor = GpuMonitors.nvml(FakeNvml.names())) {
      FakeNvml.setProcessesAppearing(50);

      List<GpuProcess> processes = monitor.sample().get(1).processes();

      assertThat(processes).hasSize(52);
      assertThat(processes.get(51))
          .isEqualTo(new GpuProcess(4242 + 101 * 51, OptionalLong.of(GIB)));
    }
  }

  @Test
  void aLibraryWithoutANeededEntryPointIsReportedNotThrown() {
    GpuMonitor monitor = GpuMonitors.nvml(List.of(FakeNvml.OLD_LIBRARY.toString()));

    assertThat(monitor.sample()).isEmpty();
    assertThat(monitor.unavailableReason().orElseThrow())
        .startsWith("libnvidia-ml (" + FakeNvml.OLD_LIBRARY + ") is too old for autotune: ")
        .contains("nvmlDeviceGetComputeRunningProcesses_v3");
  }

  @Test
  void aMissingLibraryIsReportedNotThrownAndTheSameReasonIsGivenAgain() {
    List<String> missing = List.of("/nonexistent/libnvidia-ml.so.1", "autotune-no-such-nvml");

    GpuMonitor monitor = GpuMonitors.nvml(missing);

    assertThat(monitor.sample()).isEmpty();
    assertThat(monitor.unavailableReason().orElseThrow())
        .startsWith("libnvidia-ml not found (/nonexistent/libnvidia-ml.so.1: ")
        .contains("; autotune-no-such-nvml: ");
    assertThat(GpuMonitors.nvml(missing).unavailableReason())
        .isEqualTo(monitor.unavailableReason());
  }
}
