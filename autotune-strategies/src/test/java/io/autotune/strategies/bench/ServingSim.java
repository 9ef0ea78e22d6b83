package io.autotune.strategies.bench;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * functions.py's made-up analytic model of an SGLang-like server: -(output tokens/s per GPU) with
 * an SLO penalty on time to first token; fails (out of memory at start-up) when the KV cache has no
 * room or a large CUDA graph meets a high static memory fraction.
 */
final class ServingSim {
  static final SearchSpace SPACE =
      SearchSpace.builder()
          .choice("tp_size", 1, 2, 4, 8)
          .real("mem_fraction_static", 0.6, 0.95)
          .choice("schedule_policy", "lpm", "random", "fcfs", "dfs-weight")
          .integer("chunked_prefill_size", 1024, 32768, 1, true)
          .integer("max_running_requests", 16, 1024, 1, true)
          .integer("cuda_graph_max_bs", 8, 512, 1, true)
          .build();

  private static final Map<String, Double> POLICY_GAIN =
      Map.of("lpm", 1.18, "dfs-weight", 1.10, "fcfs", 1.0, "random", 0.93);

  private ServingSim() {}

  static OptionalDouble evaluate(Configuration p) {
    Optional<Serving> r = serving(p);
    if (r.isEmpty()) {
      return OptionalDouble.empty();
    }
    double perGpu = r.get().perGpu();
    double ttft = r.get().ttft();
    double pen = ttft > 0.5 ? Math.exp((ttft - 0.5) / 0.5 / 0.1) : 0.0;
    return OptionalDouble.of(-perGpu + pen * perGpu * 0.1);
  }

  /** Output tokens/s per GPU, time to first token (s) and time per output token (ms). */
  record Serving(double perGpu, double ttft, double tpotMs) {}

  /** functions_mo.py's {@code _serving}; empty when the server runs out of memory at start-up. */
  static Optional<Serving> serving(Configuration p) {
    double tp = p.getDouble("tp_size");
    double mem = p.getDouble("mem_fraction_static");
    double chunk = p.getDouble("chunked_prefill_size");
    double mrr = p.getDouble("max_running_requests");
    double cgbs = p.getDouble("cuda_graph_max_bs");
    double kv = (mem - 0.55) * 80 * tp;
    if (kv <= 0 || (mem > 0.93 && cgbs > 256)) {
      return Optional.empty();
    }
    double batch = Math.min(mrr, kv * 9.0);
    double polGain = POLICY_GAIN.get((String) p.get("schedule_policy"));
    double graphGap = log2(cgbs) - log2(Math.max(batch, 1));
    double graph = 1.0 + 0.15 * Math.exp(-(graphGap * graphGap) / 2);
    double prefill = 1.0 - 0.12 * Math.abs(log2(chunk) - 13) / 2;
    double perGpu =
        2200 * Math.pow(tp, 0.82) * Math.pow(batch, 0.55) * polGain * graph * prefill / 60 / tp;
    double ttft = 0.08 + batch / (tp * 600) + (chunk / 16384) * 0.05;
    double tpotMs =
        6.0
            * Math.pow(1 + batch / 96, 0.75)
            / Math.pow(tp, 0.7)
            / graph
            * (1 + 0.08 * Math.abs(log2(chunk) - 12));
    return Optional.of(new Serving(perGpu, ttft, tpotMs));
  }

  /** log2 as Python's math.log2 (exact for powers of two). */
  private static double log2(double v) {
    int exponent = Math.getExponent(v);
    if (v == Math.scalb(1.0, exponent)) {
      return exponent;
    }
    return Math.log(v) / Math.log(2);
  }
}
