package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.gpu.nvml.GpuMonitors;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gpus [--json]}: the GPUs this host has, and which monitor saw them (NVML, nvidia-smi or
 * none, with the reason). Exits 0 also when there are none: that is an answer, not an error. Not
 * thread-safe (one run per instance).
 */
@Command(
    name = "gpus",
    mixinStandardHelpOptions = true,
    description = "The GPUs seen, and by which monitor (nvml, nvidia-smi or none).")
public final class GpusCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MIB = 1L << 20;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  private final Supplier<GpuMonitor> monitors;

  public GpusCommand() {
    this(GpuMonitors::detect);
  }

  /** A command reading the GPUs from the monitor {@code monitors} gives (tests pass a fake). */
  GpusCommand(Supplier<GpuMonitor> monitors) {
    this.monitors = monitors;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (GpuMonitor monitor = monitors.get()) {
      List<GpuInfo> gpus = monitor.sample();
      out.println(json ? JSON.writeValueAsString(json(monitor, gpus)) : text(monitor, gpus));
    }
    out.flush();
    return 0;
  }

  private static String text(GpuMonitor monitor, List<GpuInfo> gpus) {
    StringBuilder text = new StringBuilder("monitor: ").append(monitor.name());
    monitor.unavailableReason().ifPresent(reason -> text.append(" (").append(reason).append(')'));
    if (gpus.isEmpty()) {
      text.append("\nno GPUs");
    }
    gpus.forEach(gpu -> text.append('\n').append(line(gpu)));
    return text.toString();
  }

  private static String line(GpuInfo gpu) {
    return "GPU %d  %s  %s  memory %d/%d MiB used  util %s  memory util %s  %s  %s  processes: %s"
        .formatted(
            gpu.index(),
            gpu.name(),
            gpu.uuid(),
            gpu.memoryUsedBytes() / MIB,
            gpu.memoryTotalBytes() / MIB,
            format(gpu.utilization(), "%.0f%%"),
            format(gpu.memoryUtilization(), "%.0f%%"),
            format(gpu.temperature(), "%.0f C"),
            format(gpu.powerWatts(), "%.1f W"),
            gpu.processes().isEmpty()
                ? "none"
                : gpu.processes().stream()
                    .map(
                        p ->
                            p.pid()
                                + (p.usedMemoryBytes().isPresent()
                                    ? " (" + p.usedMemoryBytes().getAsLong() / MIB + " MiB)"
                                    : ""))
                    .collect(Collectors.joining(", ")));
  }

  private static String format(OptionalDouble value, String format) {
    return value.isPresent() ? format.formatted(value.getAsDouble()) : "n/a";
  }

  private static ObjectNode json(GpuMonitor monitor, List<GpuInfo> gpus) {
    ObjectNode root = JSON.createObjectNode().put("monitor", monitor.name());
    monitor.unavailableReason().ifPresent(reason -> root.put("unavailable_reason", reason));
    ArrayNode array = root.putArray("gpus");
    for (GpuInfo gpu : gpus) {
      ObjectNode node =
          array
              .addObject()
              .put("index", gpu.index())
              .put("uuid", gpu.uuid())
              .put("name", gpu.name())
              .put("memory_total_bytes", gpu.memoryTotalBytes())
              .put("memory_used_bytes", gpu.memoryUsedBytes())
              .put("memory_free_bytes", gpu.memoryFreeBytes());
      put(node, "utilization", gpu.utilization());
      put(node, "memory_utilization", gpu.memoryUtilization());
      put(node, "temperature", gpu.temperature());
      put(node, "power_watts", gpu.powerWatts());
      ArrayNode processes = node.putArray("processes");
      for (GpuInfo.GpuProcess process : gpu.processes()) {
        ObjectNode p = processes.addObject().put("pid", process.pid());
        if (process.usedMemoryBytes().isPresent()) {
          p.put("used_memory_bytes", process.usedMemoryBytes().getAsLong());
        } else {
          p.putNull("used_memory_bytes");
        }
      }
    }
    return root;
  }

  private static void put(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(name, value.getAsDouble());
    } else {
      node.putNull(name);
    }
  }
}
