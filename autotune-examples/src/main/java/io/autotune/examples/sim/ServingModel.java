package io.autotune.examples.sim;

import java.util.Map;
import java.util.Objects;

/**
 * The made-up analytic model of an SGLang-like server behind the simulated server: the same
 * formulas as {@code serving_sim} in the shared strategy benchmark (shared/bench/functions.py).
 * Immutable.
 *
 * @param tpSize tensor parallel size (GPUs)
 * @param memFractionStatic the fraction of GPU memory for weights and KV cache
 * @param schedulePolicy lpm, dfs-weight, fcfs or random
 * @param chunkedPrefillSize tokens per prefill chunk
 * @param maxRunningRequests the most requests decoded at once
 * @param cudaGraphMaxBs the largest batch captured as a CUDA graph
 */
public record ServingModel(
    int tpSize,
    double memFractionStatic,
    String schedulePolicy,
    int chunkedPrefillSize,
    int maxRunningRequests,
    int cudaGraphMaxBs) {

  private static final Map<String, Double> POLICY_GAIN =
      Map.of("lpm", 1.18, "dfs-weight", 1.10, "fcfs", 1.0, "random", 0.93);

  public ServingModel {
    Objects.requireNonNull(schedulePolicy, "schedulePolicy");
    if (!POLICY_GAIN.containsKey(schedulePolicy)) {
      throw new IllegalArgumentException(
          "schedule-policy must be one of " + POLICY_GAIN.keySet() + ", but was " + schedulePolicy);
    }
    requirePositive("tp-size", tpSize);
    requirePositive("chunked-prefill-size", chunkedPrefillSize);
    requirePositive("max-running-requests", maxRunningRequests);
    requirePositive("cuda-graph-max-bs", cudaGraphMaxBs);
  }

  /**
   * The model that the simulated server's flags give, keyed by flag name without the leading dashes
   * ({@code tp-size}, ...); absent flags take the simulator's defaults, unknown ones are ignored.
   *
   * @throws IllegalArgumentException for a value that is not a number where one is needed
   */
  public static ServingModel fromFlags(Map<String, ?> flags) {
    return new ServingModel(
        integer(flags, "tp-size", 1),
        number(flags, "mem-fraction-static", 0.85),
        flags.containsKey("schedule-policy")
            ? String.valueOf(flags.get("schedule-policy"))
            : "fcfs",
        integer(flags, "chunked-prefill-size", 4096),
        integer(flags, "max-running-requests", 128),
        integer(flags, "cuda-graph-max-bs", 32));
  }

  /** KV cache capacity, in thousands of tokens. */
  public double kvCache() {
    return (memFractionStatic - 0.55) * 80 * tpSize;
  }

  /** Whether start-up runs out of GPU memory (no KV cache left, or huge graphs at high mem). */
  public boolean outOfMemory() {
    return kvCache() <= 0 || (memFractionStatic > 0.93 && cudaGraphMaxBs > 256);
  }

  /** Whether start-up deadlocks: very large prefill chunks hang the (simulated) warm-up. */
  public boolean hangsAtStartup() {
    return chunkedPrefillSize >= 24576;
  }

  /** Requests decoded at once: the limit, or what the KV cache holds. */
  public double batch() {
    return Math.min(maxRunningRequests, kvCache() * 9.0);
  }

  /** Output tokens per second per GPU. */
  public double perGpuThroughput() {
    double graph =
        1.0 + 0.15 * Math.exp(-Math.pow(log2(cudaGraphMaxBs) - log2(Math.max(batch(), 1)), 2) / 2);
    double prefill = 1.0 - 0.12 * Math.abs(log2(chunkedPrefillSize) - 13) / 2;
    return 2200
        * Math.pow(tpSize, 0.82)
        * Math.pow(batch(), 0.55)
        * POLICY_GAIN.get(schedulePolicy)
        * graph
        * prefill
        / 60
        / tpSize;
  }

  /** Prompt tokens prefilled per second (one request at a time, uncached tokens only). */
  public double prefillTokensPerSecond() {
    return 15000 * Math.pow(tpSize, 0.82);
  }

  /** Time to first token, in seconds, besides the prefill. */
  public double ttftSeconds() {
    return 0.08 + batch() / (tpSize * 600.0) + (chunkedPrefillSize / 16384.0) * 0.05;
  }

  /** serving_sim's value (minimise): −throughput per GPU with its TTFT penalty; NaN if OOM. */
  public double servingSimValue() {
    if (outOfMemory()) {
      return Double.NaN;
    }
    double perGpu = perGpuThroughput();
    double ttft = ttftSeconds();
    double penalty = ttft > 0.5 ? Math.exp((ttft - 0.5) / 0.5 / 0.1) : 0.0;
    return -perGpu + penalty * perGpu * 0.1;
  }

  private static int integer(Map<String, ?> flags, String name, int fallback) {
    double value = number(flags, name, fallback);
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--" + name + " expects an integer, but was " + value);
    }
    return (int) value;
  }

  private static double number(Map<String, ?> flags, String name, double fallback) {
    Object value = flags.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " expects a number, but was '" + value + "'", e);
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
    }
  }
}
