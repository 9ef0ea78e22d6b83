package io.autotune.internal;

import java.util.Collections;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What an experiment's GPUs did while it ran: every sample, and summary metrics to store with the
 * experiment's own. Immutable.
 *
 * @param gpus the GPU indices the experiment held
 * @param samples every sample, in time order
 * @param failedReads how many sampling rounds could not read the GPUs
 */
record GpuUsage(List<Integer> gpus, List<GpuSample> samples, int failedReads) {
  private static final double MIB = 1024.0 * 1024.0;
  private static final List<Metric> METRICS =
      List.of(
          new Metric("util", "", true, GpuSample::utilization),
          new Metric("mem_used", "_mib", true, s -> OptionalDouble.of(s.memoryUsedBytes() / MIB)),
          new Metric("power", "_w", false, GpuSample::powerWatts));

  public GpuUsage {
    gpus = List.copyOf(gpus);
    samples = List.copyOf(samples);
  }

  /** Usage of no GPUs. */
  public static GpuUsage none() {
    return new GpuUsage(List.of(), List.of(), 0);
  }

  /**
   * Summary metrics. Per GPU {@code i}: {@code gpu<i>_util_mean}, {@code gpu<i>_util_max}, {@code
   * gpu<i>_mem_used_mean_mib}, {@code gpu<i>_mem_used_max_mib}, {@code gpu<i>_power_mean_w}. Over
   * the GPUs, the mean of the per-GPU values ({@code gpu_util_max}: their maximum): {@code
   * gpu_util_mean}, {@code gpu_util_max}, {@code gpu_mem_used_mean_mib}, {@code
   * gpu_mem_used_max_mib}, {@code gpu_power_mean_w}. And {@code gpu_count}, {@code gpu_samples}
   * (sampling rounds). A metric that no sample reported is left out. Empty when the experiment held
   * no GPUs.
   */
  public Map<String, Double> metrics() {
    if (gpus.isEmpty()) {
      return Map.of();
    }
    Map<String, Double> perGpu = new LinkedHashMap<>();
    Map<String, DoubleSummaryStatistics> overGpus = new LinkedHashMap<>();
    for (int index : gpus) {
      List<GpuSample> own = samples.stream().filter(s -> s.index() == index).toList();
      for (Metric metric : METRICS) {
        metric
            .summarise(own)
            .forEach(
                (name, value) -> {
                  perGpu.put("gpu" + index + "_" + name, value);
                  overGpus.computeIfAbsent(name, n -> new DoubleSummaryStatistics()).accept(value);
                });
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("gpu_count", (double) gpus.size());
    metrics.put("gpu_samples", (double) samples.stream().map(GpuSample::at).distinct().count());
    overGpus.forEach(
        (name, stats) ->
            metrics.put(
                "gpu_" + name, name.equals("util_max") ? stats.getMax() : stats.getAverage()));
    metrics.putAll(perGpu);
    return Collections.unmodifiableMap(metrics);
  }

  /** One sampled quantity and how it is summarised: its mean, and its maximum if wanted. */
  private record Metric(
      String name, String unit, boolean withMax, Function<GpuSample, OptionalDouble> value) {

    Map<String, Double> summarise(List<GpuSample> samples) {
      DoubleSummaryStatistics stats =
          samples.stream()
              .map(value)
              .filter(OptionalDouble::isPresent)
              .mapToDouble(OptionalDouble::getAsDouble)
              .summaryStatistics();
      Map<String, Double> summary = new LinkedHashMap<>();
      if (stats.getCount() > 0) {
        summary.put(name + "_mean" + unit, stats.getAverage());
        if (withMax) {
          summary.put(name + "_max" + unit, stats.getMax());
        }
      }
      return summary;
    }
  }
}
