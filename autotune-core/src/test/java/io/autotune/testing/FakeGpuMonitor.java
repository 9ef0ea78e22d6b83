package io.autotune.testing;

import io.autotune.AutotuneException;
import io.autotune.spi.GpuInfo;
import io.autotune.spi.GpuMonitor;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A GpuMonitor whose GPUs the test sets; it counts reads and can be told to fail them. Thread-safe.
 */
public final class FakeGpuMonitor implements GpuMonitor {
  private static final long GIB = 1L << 30;

  private final List<GpuInfo> gpus;
  private volatile boolean failing;
  private final AtomicInteger reads = new AtomicInteger();

  public FakeGpuMonitor(List<GpuInfo> gpus) {
    this.gpus = List.copyOf(gpus);
  }

  /** {@code count} idle 80 GiB GPUs. */
  public static FakeGpuMonitor idleGpus(int count) {
    return new FakeGpuMonitor(IntStream.range(0, count).mapToObj(i -> gpu(i, 80, 0)).toList());
  }

  /**
   * An 80 GiB GPU with {@code freeGib} free, at {@code utilization} percent, owned by {@code pids}.
   */
  public static GpuInfo gpu(int index, long freeGib, double utilization, long... pids) {
    return new GpuInfo(
        index,
        "GPU-fake-" + index,
        "Fake GPU",
        80 * GIB,
        (80 - freeGib) * GIB,
        freeGib * GIB,
        OptionalDouble.of(utilization),
        OptionalDouble.of(utilization / 2),
        OptionalDouble.of(40 + index),
        OptionalDouble.of(100 + index),
        java.util.Arrays.stream(pids)
            .mapToObj(pid -> new GpuInfo.GpuProcess(pid, OptionalLong.of(GIB)))
            .toList());
  }

  public void setFailing(boolean failing) {
    this.failing = failing;
  }

  public int reads() {
    return reads.get();
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public List<GpuInfo> sample() {
    reads.incrementAndGet();
    if (failing) {
      throw new AutotuneException("fake GPUs cannot be read");
    }
    return gpus;
  }
}
