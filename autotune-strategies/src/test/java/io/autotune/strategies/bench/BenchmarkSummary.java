package io.autotune.strategies.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

/**
 * Median simple regret (best value so far minus the optimum) over seeds after 10, 20, 30, 40 and 60
 * experiments, and the median of the runs' {@code ask_ms_last10}, printed like the Optuna figures
 * in shared/bench/README.md. Immutable and thread-safe.
 *
 * @param regret median regret by number of experiments (only those the runs reached)
 */
public record BenchmarkSummary(
    String func, String sampler, Map<Integer, Double> regret, double askMsLast10) {
  /** The experiment counts the README reports. */
  public static final List<Integer> CHECKPOINTS = List.of(10, 20, 30, 40, 60);

  public BenchmarkSummary {
    regret = Collections.unmodifiableMap(new LinkedHashMap<>(regret));
  }

  public static BenchmarkSummary of(BenchmarkFunction function, List<BenchmarkRun> runs) {
    return of(function.id(), function.optimum(), runs);
  }

  /** The summary of runs whose curves reach {@code optimum} at best (0 for a regret curve). */
  public static BenchmarkSummary of(String func, double optimum, List<BenchmarkRun> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    int trials = runs.stream().mapToInt(r -> r.curve().size()).max().orElse(0);
    Map<Integer, Double> regret = new LinkedHashMap<>();
    for (int k : CHECKPOINTS) {
      if (k <= trials) {
        regret.put(k, median(runs.stream().mapToDouble(r -> r.bestAfter(k) - optimum)));
      }
    }
    double ask = median(runs.stream().mapToDouble(BenchmarkRun::askMsLast10));
    return new BenchmarkSummary(func, runs.get(0).sampler(), regret, ask);
  }

  /** E.g. {@code branin tpe @10:6.083 @20:1.481 ... ask_ms(last10)=0.19}. */
  public String line() {
    List<String> parts = new ArrayList<>();
    regret.forEach((k, v) -> parts.add("@" + k + ":" + fourSignificant(v)));
    return String.format(
        "%-12s %-8s %s  ask_ms(last10)=%.2f", func, sampler, String.join(" ", parts), askMsLast10);
  }

  static double median(DoubleStream values) {
    double[] sorted = values.sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Python's {@code format(v, ".4g")} for the values a regret table shows. */
  static String fourSignificant(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 4) {
      String digits = rounded.stripTrailingZeros().unscaledValue().abs().toString();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (v < 0 ? "-" : "")
          + mantissa
          + String.format("e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
    }
    return rounded.stripTrailingZeros().toPlainString();
  }
}
