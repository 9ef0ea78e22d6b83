package io.autotune.gpu.nvml;

import com.sun.jna.Pointer;
import io.autotune.gpu.nvml.NvmlLibrary.MemoryInfo;
import io.autotune.gpu.nvml.NvmlLibrary.Utilization;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GpuMonitor over NVML. Holds one NVML initialisation from {@link #open} to {@link #close()}
 * (NVML counts them; each nvmlInit_v2 needs its nvmlShutdown). Thread-safe: samples run
 * concurrently, and close waits for them.
 */
final class NvmlGpuMonitor implements GpuMonitor {
  private static final Logger log = LoggerFactory.getLogger(NvmlGpuMonitor.class);

  private final NvmlLibrary nvml;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private NvmlGpuMonitor(NvmlLibrary nvml) {
    this.nvml = nvml;
  }

  /**
   * Initialises NVML and returns a monitor over it.
   *
   * @throws NvmlException if nvmlInit_v2 fails (no driver loaded, no permission ...)
   */
  static NvmlGpuMonitor open(NvmlLibrary nvml) {
    nvml.init();
    return new NvmlGpuMonitor(nvml);
  }

  @Override
  public String name() {
    return "nvml";
  }

  @Override
  public List<GpuInfo> sample() {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the NVML monitor is closed");
      }
      int count = nvml.deviceCount();
      List<GpuInfo> gpus = new ArrayList<>(count);
      for (int index = 0; index < count; index++) {
        gpus.add(read(index, nvml.device(index)));
      }
      return gpus;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.empty();
  }

  /** Shuts NVML down once; later calls do nothing. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        int code = nvml.shutdown();
        if (code != NvmlLibrary.SUCCESS) {
          log.warn("nvmlShutdown failed: {} (NVML error {})", nvml.errorString(code), code);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private GpuInfo read(int index, Pointer device) {
    MemoryInfo memory = nvml.memory(device);
    Optional<Utilization> utilization = nvml.utilization(device);
    return new GpuInfo(
        index,
        nvml.uuid(device),
        nvml.name(device),
        memory.total(),
        memory.used(),
        memory.free(),
        utilization.map(u -> OptionalDouble.of(u.gpu())).orElse(OptionalDouble.empty()),
        utilization.map(u -> OptionalDouble.of(u.memory())).orElse(OptionalDouble.empty()),
        nvml.temperature(device),
        nvml.powerWatts(device),
        nvml.computeProcesses(device));
  }

  @Override
  public String toString() {
    return "NvmlGpuMonitor[" + nvml.file() + "]";
  }
}
