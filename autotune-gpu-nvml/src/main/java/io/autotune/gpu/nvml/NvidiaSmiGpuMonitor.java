package io.autotune.gpu.nvml;

import io.autotune.AutotuneException;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuInfo.GpuProcess;
import io.autotune.spi.GpuMonitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GpuMonitor that runs nvidia-smi for each sample: for hosts where NVML cannot be loaded into the
 * JVM but the command works. Slower than NVML (a process per read). Thread-safe: every sample is
 * its own pair of processes.
 */
final class NvidiaSmiGpuMonitor implements GpuMonitor {
  private static final Logger log = LoggerFactory.getLogger(NvidiaSmiGpuMonitor.class);

  private final List<String> command;
  private final Duration timeout;

  NvidiaSmiGpuMonitor(List<String> command, Duration timeout) {
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "nvidia-smi";
  }

  @Override
  public List<GpuInfo> sample() {
    String gpus = run("--query-gpu=" + NvidiaSmiCsv.GPU_FIELDS);
    return NvidiaSmiCsv.gpus(gpus, processes());
  }

  private Map<String, List<GpuProcess>> processes() {
    try {
      return NvidiaSmiCsv.computeApps(run("--query-compute-apps=" + NvidiaSmiCsv.APP_FIELDS));
    } catch (AutotuneException e) {
      // the GPUs are still worth knowing; their processes are then unknown
      log.debug("nvidia-smi could not list compute processes: {}", e.getMessage());
      return Map.of();
    }
  }

  private String run(String query) {
    List<String> line = new ArrayList<>(command);
    line.add(query);
    line.add("--format=csv,noheader,nounits");
    Path output = null;
    try {
      output = Files.createTempFile("autotune-nvidia-smi", ".csv");
      // into a file, so that a hung nvidia-smi cannot block us on a full pipe past the timeout
      Process process =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AutotuneException("nvidia-smi did not answer within " + timeout);
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AutotuneException(
            "nvidia-smi exited with "
                + process.exitValue()
                + ": "
                + text.strip().lines().findFirst().orElse(""));
      }
      return text;
    } catch (IOException e) {
      throw new AutotuneException("nvidia-smi cannot be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AutotuneException("interrupted while waiting for nvidia-smi", e);
    } finally {
      deleteQuietly(output);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.debug("could not delete {}: {}", file, e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "NvidiaSmiGpuMonitor" + command;
  }
}
