package io.autotune.inference;

import java.util.Arrays;

/**
 * Mean and percentiles (linear interpolation between closest ranks, as numpy's default) of one
 * latency, in seconds. {@link #EMPTY} (all NaN) when nothing was measured. Immutable.
 */
public record Summary(double mean, double p50, double p90, double p99) {

  public static final Summary EMPTY = new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** Summarises {@code values}; {@link #EMPTY} when there are none. */
  public static Summary of(double[] values) {
    if (values.length == 0) {
      return EMPTY;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Summary(
        Arrays.stream(sorted).average().orElseThrow(),
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 99));
  }

  public boolean isEmpty() {
    return Double.isNaN(mean);
  }

  static double percentile(double[] sorted, double percent) {
    double rank = percent / 100 * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  }
}
