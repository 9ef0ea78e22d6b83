package io.autotune.strategies.bayes;

import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The public benchmark objectives of shared/bench/functions.py (minimise; empty = failed), for this
 * package's own quality driver and tests.
 */
enum BenchFunctions {
  BRANIN(
      SearchSpace.builder().real("x", -5, 10).real("y", 0, 15).build(),
      0.397887,
      BenchFunctions::branin),
  HARTMANN6(hartmannSpace(), -3.32237, BenchFunctions::hartmann6),
  SERVING_SIM(
      SearchSpace.builder()
          .choice("tp_size", 1L, 2L, 4L, 8L)
          .real("mem_fraction_static", 0.6, 0.95)
          .choice("schedule_policy", "lpm", "random", "fcfs", "dfs-weight")
          .integer("chunked_prefill_size", 1024, 32768, 1, true)
          .integer("max_running_requests", 16, 1024, 1, true)
          .integer("cuda_graph_max_bs", 8, 512, 1, true)
          .build(),
      -1610.0440,
      BenchFunctions::servingSim);

  private static final double[][] A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] P = {
    {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
    {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}
  };
  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

  final SearchSpace space;
  final double optimum;
  private final Function<Configuration, OptionalDouble> f;

  BenchFunctions(SearchSpace space, double optimum, Function<Configuration, OptionalDouble> f) {
    this.space = space;
    this.optimum = optimum;
    this.f = f;
  }

  OptionalDouble evaluate(Configuration c) {
    return f.apply(c);
  }

  private static SearchSpace hartmannSpace() {
    SearchSpace.Builder b = SearchSpace.builder();
    for (int i = 0; i < 6; i++) {
      b.real("x" + i, 0, 1);
    }
    return b.build();
  }

  private static OptionalDouble branin(Configuration p) {
    double x = p.getDouble("x");
    double y = p.getDouble("y");
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double u = y - b * x * x + c * x - 6;
    return OptionalDouble.of(u * u + 10 * (1 - t) * Math.cos(x) + 10);
  }

  private static OptionalDouble hartmann6(Configuration p) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 6; j++) {
        double d = p.getDouble("x" + j) - P[i][j] * 1e-4;
        inner += A[i][j] * d * d;
      }
      sum += ALPHA[i] * Math.exp(-inner);
    }
    return OptionalDouble.of(-sum);
  }

  private static OptionalDouble servingSim(Configuration p) {
    double tp = p.getLong("tp_size");
    double mem = p.getDouble("mem_fraction_static");
    String pol = (String) p.get("schedule_policy");
    double chunk = p.getLong("chunked_prefill_size");
    double mrr = p.getLong("max_running_requests");
    double cgbs = p.getLong("cuda_graph_max_bs");
    double kv = (mem - 0.55) * 80 * tp;
    if (kv <= 0 || mem > 0.93 && cgbs > 256) {
      return OptionalDouble.empty();
    }
    double batch = Math.min(mrr, kv * 9.0);
    double polGain =
        switch (pol) {
          case "lpm" -> 1.18;
          case "dfs-weight" -> 1.10;
          case "fcfs" -> 1.0;
          default -> 0.93;
        };
    double lg = log2(cgbs) - log2(Math.max(batch, 1));
    double graph = 1.0 + 0.15 * Math.exp(-(lg * lg) / 2);
    double prefill = 1.0 - 0.12 * Math.abs(log2(chunk) - 13) / 2;
    double perGpu =
        2200 * Math.pow(tp, 0.82) * Math.pow(batch, 0.55) * polGain * graph * prefill / 60 / tp;
    double ttft = 0.08 + batch / (tp * 600) + (chunk / 16384) * 0.05;
    double pen = ttft > 0.5 ? Math.exp((ttft - 0.5) / 0.5 / 0.1) : 0.0;
    return OptionalDouble.of(-perGpu + pen * perGpu * 0.1);
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
