package io.autotune.gpu.nvml;

import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints every field of every GPU, read through NVML and through {@link GpuMonitors#detect()}, and
 * how long a sample takes: a check of the binding against a real driver. Run it from the module's
 * classpath: {@code java -cp ... io.autotune.gpu.nvml.NvmlProbe [samples]}. Not thread-safe (a main
 * program).
 */
public final class NvmlProbe {
  private NvmlProbe() {}

  public static void main(String[] args) {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    PrintStream out = System.out;
    try (GpuMonitor nvml = GpuMonitors.nvml()) {
      report(out, "nvml", nvml, samples);
    }
    try (GpuMonitor nvidiaSmi = GpuMonitors.nvidiaSmi(GpuMonitors.NVIDIA_SMI)) {
      report(out, "nvidia-smi", nvidiaSmi, Math.min(samples, 5));
    }
    try (GpuMonitor detected = GpuMonitors.detect()) {
      out.println("detect() picked: " + detected.name());
      report(out, "detect()", detected, 1);
    }
  }

  private static void report(PrintStream out, String label, GpuMonitor monitor, int samples) {
    if (monitor.unavailableReason().isPresent()) {
      out.println(label + ": unavailable: " + monitor.unavailableReason().get());
      return;
    }
    long started = System.nanoTime();
    List<GpuInfo> gpus = monitor.sample();
    for (int i = 1; i < samples; i++) {
      gpus = monitor.sample();
    }
    double millis = (System.nanoTime() - started) / 1e6 / samples;
    out.printf(
        "%s: %s, %d GPUs, %.2f ms per sample (mean of %d)%n",
        label, monitor, gpus.size(), millis, samples);
    gpus.forEach(gpu -> out.println("  " + describe(gpu)));
  }

  static String describe(GpuInfo gpu) {
    return "GPU %d uuid=%s name=\"%s\" memory total=%d used=%d free=%d bytes utilization=%s memoryUtilization=%s temperature=%s powerWatts=%s processes=%s"
        .formatted(
            gpu.index(),
            gpu.uuid(),
            gpu.name(),
            gpu.memoryTotalBytes(),
            gpu.memoryUsedBytes(),
            gpu.memoryFreeBytes(),
            gpu.utilization(),
            gpu.memoryUtilization(),
            gpu.temperature(),
            gpu.powerWatts(),
            gpu.processes());
  }
}
