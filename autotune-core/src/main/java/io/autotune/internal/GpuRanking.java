package io.autotune.internal;

import io.autotune.spi.GpuInfo;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which free GPUs are given out: no foreign processes first, then the most free memory
 * (in whole GiB, so that a few MiB of noise do not hide a utilisation difference), then the lowest
 * utilisation, then the lowest index. Stateless.
 */
final class GpuRanking {
  private static final long GIB = 1L << 30;

  static final Comparator<GpuInfo> PREFERRED_FIRST =
      Comparator.comparing((GpuInfo gpu) -> !gpu.processes().isEmpty())
          .thenComparing(gpu -> gpu.memoryFreeBytes() / GIB, Comparator.reverseOrder())
          .thenComparingDouble(gpu -> gpu.utilization().orElse(0))
          .thenComparingInt(GpuInfo::index);

  private GpuRanking() {}

  /** The {@code count} preferred GPUs of {@code free}, by ascending index. */
  static List<GpuInfo> best(List<GpuInfo> free, int count) {
    return free.stream()
        .sorted(PREFERRED_FIRST)
        .limit(count)
        .sorted(Comparator.comparingInt(GpuInfo::index))
        .toList();
  }
}
