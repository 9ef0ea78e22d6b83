package io.autotune.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GpuUsageTest {
  private static final long MIB = 1L << 20;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void summarisesEachGpuAndAveragesOverThem() {
    GpuUsage usage =
        new GpuUsage(
            List.of(0, 3),
            List.of(
                sample(0, 0, 10, 1000, 200),
                sample(0, 3, 50, 4000, 300),
                sample(5, 0, 30, 3000, 220),
                sample(5, 3, 70, 2000, 320)),
            0);

    assertThat(usage.metrics())
        .containsExactly(
            entry("gpu_count", 2.0),
            entry("gpu_samples", 2.0),
            entry("gpu_util_mean", 40.0),
            entry("gpu_util_max", 70.0),
            entry("gpu_mem_used_mean_mib", 2500.0),
            entry("gpu_mem_used_max_mib", 3500.0),
            entry("gpu_power_mean_w", 260.0),
            entry("gpu0_util_mean", 20.0),
            entry("gpu0_util_max", 30.0),
            entry("gpu0_mem_used_mean_mib", 2000.0),
            entry("gpu0_mem_used_max_mib", 3000.0),
            entry("gpu0_power_mean_w", 210.0),
            entry("gpu3_util_mean", 60.0),
            entry("gpu3_util_max", 70.0),
            entry("gpu3_mem_used_mean_mib", 3000.0),
            entry("gpu3_mem_used_max_mib", 4000.0),
            entry("gpu3_power_mean_w", 310.0));
  }

  @Test
  void metricsNoSampleReportedAreLeftOut() {
    GpuSample withoutUtilisation =
        new GpuSample(
            T0,
            1,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            10 * MIB,
            100 * MIB,
            OptionalDouble.empty());

    assertThat(new GpuUsage(List.of(1), List.of(withoutUtilisation), 0).metrics())
        .containsOnlyKeys(
            "gpu_count",
            "gpu_samples",
            "gpu_mem_used_mean_mib",
            "gpu_mem_used_max_mib",
            "gpu1_mem_used_mean_mib",
            "gpu1_mem_used_max_mib");
  }

  @Test
  void noGpusNoMetrics() {
    assertThat(GpuUsage.none().metrics()).isEmpty();
  }

  private static GpuSample sample(int second, int index, double util, long memMib, double watts) {
    return new GpuSample(
        T0.plusSeconds(second),
        index,
        OptionalDouble.of(util),
        OptionalDouble.of(util / 2),
        memMib * MIB,
        80_000 * MIB,
        OptionalDouble.of(watts));
  }
}
