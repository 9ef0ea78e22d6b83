package io.autotune.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link GpuMonitor} must have. */
public abstract class GpuMonitorContract {

  /** A fresh monitor; the test closes it. */
  protected abstract GpuMonitor monitor();

  @Test
  void samplesAreConsistent() throws Exception {
    try (GpuMonitor monitor = monitor()) {
      List<GpuInfo> gpus = monitor.sample();
      assertThat(monitor.name()).isNotBlank();
      if (gpus.isEmpty()) {
        assertThat(monitor.unavailableReason()).isPresent();
      }
      for (int i = 0; i < gpus.size(); i++) {
        GpuInfo gpu = gpus.get(i);
        assertThat(gpu.index()).as("GPUs in index order").isEqualTo(i);
        assertThat(gpu.memoryTotalBytes()).isGreaterThanOrEqualTo(gpu.memoryUsedBytes());
        assertThat(gpu.memoryFreeBytes()).isLessThanOrEqualTo(gpu.memoryTotalBytes());
        gpu.utilization().ifPresent(u -> assertThat(u).isBetween(0.0, 100.0));
        gpu.memoryUtilization().ifPresent(u -> assertThat(u).isBetween(0.0, 100.0));
        gpu.powerWatts().ifPresent(w -> assertThat(w).isNotNegative());
      }
    }
  }

  @Test
  void samplingFromManyThreadsAtOnceIsSafe() throws Exception {
    try (GpuMonitor monitor = monitor()) {
      int expected = monitor.sample().size();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          calls.add(() -> monitor.sample().size());
        }
        for (Future<Integer> f : pool.invokeAll(calls)) {
          assertThat(f.get()).isEqualTo(expected);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void closingTwiceIsHarmless() throws Exception {
    GpuMonitor monitor = monitor();
    monitor.close();
    monitor.close();
  }
}
