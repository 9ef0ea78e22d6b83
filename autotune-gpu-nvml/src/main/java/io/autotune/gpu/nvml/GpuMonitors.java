package io.autotune.gpu.nvml;

import io.autotune.AutotuneException;
import io.autotune.spi.GpuMonitor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU monitors of this module, and {@link #detect()}, which picks the best one this host
 * supports: NVML, else nvidia-smi, else {@link GpuMonitor#none(String)} with the reasons. Nothing
 * here throws when the driver, the library or JNA itself is missing: the monitor says why in {@link
 * GpuMonitor#unavailableReason()}. Thread-safe; the monitors it returns are thread-safe and should
 * be closed (NVML's is initialised until then).
 */
public final class GpuMonitors {
  private static final Logger log = LoggerFactory.getLogger(GpuMonitors.class);

  /** The names libnvidia-ml is looked up by: the JNA name, then the soname drivers install. */
  public static final List<String> NVML_LIBRARIES = List.of("nvidia-ml", "libnvidia-ml.so.1");

  /** The nvidia-smi command, found on the PATH. */
  public static final List<String> NVIDIA_SMI = List.of("nvidia-smi");

  private static final Duration NVIDIA_SMI_TIMEOUT = Duration.ofSeconds(15);

  private GpuMonitors() {}

  /** The best monitor this host supports, from the default library names and command. */
  public static GpuMonitor detect() {
    return detect(NVML_LIBRARIES, NVIDIA_SMI);
  }

  /**
   * The best monitor this host supports: NVML from the first of {@code nvmlLibraries} that loads
   * and initialises, else {@code nvidiaSmiCommand} if it answers, else none. Logs which one it
   * picked and why; its {@link GpuMonitor#name()} says so too.
   */
  public static GpuMonitor detect(List<String> nvmlLibraries, List<String> nvidiaSmiCommand) {
    GpuMonitor nvml = nvml(nvmlLibraries);
    String nvmlProblem = nvml.unavailableReason().orElse(null);
    if (nvmlProblem == null) {
      log.info("GPU monitor: nvml, {} GPUs", nvml.sample().size());
      return nvml;
    }
    GpuMonitor smi = nvidiaSmi(nvidiaSmiCommand);
    String smiProblem = smi.unavailableReason().orElse(null);
    if (smiProblem == null) {
      log.info("GPU monitor: nvidia-smi, because NVML is unavailable: {}", oneLine(nvmlProblem));
      return smi;
    }
    String reason = "no GPU monitor: nvml: " + nvmlProblem + "; nvidia-smi: " + smiProblem;
    log.info(noGpuLine(reason));
    return GpuMonitor.none(reason);
  }

  /**
   * What {@link #detect} logs at INFO when it finds no GPU: one line saying so, as the dashboard
   * does, with the reason (a loader error may be several lines) folded into it.
   */
  static String noGpuLine(String reason) {
    return "GPU monitor: none, no NVIDIA GPU found (" + oneLine(reason) + ")";
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " | ");
  }

  /** A monitor over NVML from the default library names; see {@link #nvml(List)}. */
  public static GpuMonitor nvml() {
    return nvml(NVML_LIBRARIES);
  }

  /**
   * A monitor over NVML, loaded from the first of {@code libraryNames} that the system can open
   * (names as JNA takes them: {@code nvidia-ml}, a soname, or an absolute path). When it cannot be
   * used, a monitor named {@code nvml} with no GPUs and the reason.
   */
  public static GpuMonitor nvml(List<String> libraryNames) {
    Objects.requireNonNull(libraryNames, "libraryNames");
    NvmlLoader.Loaded loaded = NvmlLoader.load(libraryNames);
    if (loaded.library().isEmpty()) {
      return new UnavailableMonitor("nvml", loaded.failure());
    }
    try {
      return NvmlGpuMonitor.open(loaded.library().get());
    } catch (RuntimeException | LinkageError e) {
      log.info("NVML unavailable: {}", oneLine(String.valueOf(e.getMessage())));
      return new UnavailableMonitor("nvml", String.valueOf(e.getMessage()));
    }
  }

  /**
   * A monitor that runs {@code command} (nvidia-smi, with any leading arguments) for each sample.
   * Tried once at once: when that fails, a monitor named {@code nvidia-smi} with no GPUs and the
   * reason.
   */
  public static GpuMonitor nvidiaSmi(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    NvidiaSmiGpuMonitor monitor = new NvidiaSmiGpuMonitor(command, NVIDIA_SMI_TIMEOUT);
    try {
      monitor.sample();
      return monitor;
    } catch (AutotuneException e) {
      return new UnavailableMonitor("nvidia-smi", e.getMessage());
    }
  }
}
