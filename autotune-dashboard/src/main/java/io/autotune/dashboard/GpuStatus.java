package io.autotune.dashboard;

import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer of {@code api/gpu-status}. Memory is in MiB, as nvidia-smi's "MB"; a metric the device
 * does not report is null. {@code available} is false when there is no GPU to show, with a short
 * {@code message} for people ("no NVIDIA GPU found") and the monitor's {@code reason}, which may be
 * a loader error several lines long, as the detail.
 */
record GpuStatus(
    String timestamp,
    boolean available,
    String monitor,
    String message,
    String reason,
    List<Gpu> gpus) {
  static final String NO_GPU = "no NVIDIA GPU found";

  private static final Logger LOG = LoggerFactory.getLogger(GpuStatus.class);
  private static final long MIB = 1024 * 1024;

  record Gpu(
      int index,
      String uuid,
      String name,
      long memoryTotalMb,
      long memoryUsedMb,
      long memoryFreeMb,
      double memoryPercent,
      Double utilizationPercent,
      Double temperatureC,
      Double powerWatts,
      int processes) {}

  static GpuStatus sample(GpuMonitor monitor, Instant now) {
    List<GpuInfo> gpus;
    try {
      gpus = monitor.sample();
    } catch (RuntimeException e) {
      // a monitor is user code: its failure is a state to show, not an error of the dashboard
      LOG.warn("GPU monitor {} failed to sample", monitor.name(), e);
      String failed = "the GPU monitor failed to sample (see the server log)";
      return new GpuStatus(Json.time(now), false, monitor.name(), failed, failed, List.of());
    }
    if (gpus.isEmpty()) {
      String reason = monitor.unavailableReason().orElse("the GPU monitor sees no GPU");
      return new GpuStatus(Json.time(now), false, monitor.name(), NO_GPU, reason, List.of());
    }
    return new GpuStatus(
        Json.time(now),
        true,
        monitor.name(),
        null,
        null,
        gpus.stream().map(GpuStatus::gpu).toList());
  }

  private static Gpu gpu(GpuInfo g) {
    double percent =
        g.memoryTotalBytes() > 0 ? 100.0 * g.memoryUsedBytes() / g.memoryTotalBytes() : 0;
    return new Gpu(
        g.index(),
        g.uuid(),
        g.name(),
        g.memoryTotalBytes() / MIB,
        g.memoryUsedBytes() / MIB,
        g.memoryFreeBytes() / MIB,
        Json.oneDecimal(percent),
        Json.number(g.utilization()),
        Json.number(g.temperature()),
        Json.number(g.powerWatts()),
        g.processes().size());
  }
}
