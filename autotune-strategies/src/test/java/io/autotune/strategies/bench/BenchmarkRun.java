package io.autotune.strategies.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One strategy run on one function with one seed, in the shape of shared/bench's JSON lines.
 * Immutable and thread-safe.
 *
 * @param func the function's id
 * @param sampler the strategy's name as printed
 * @param seed the task seed
 * @param curve best value after 1, 2, ... experiments ({@code Infinity} until one succeeds)
 * @param askMsMedian median time of one proposal, in ms (upper median, as optuna_ref.py)
 * @param askMsLast10 mean time of the last ten proposals, in ms
 */
public record BenchmarkRun(
    String func,
    String sampler,
    long seed,
    List<Double> curve,
    double askMsMedian,
    double askMsLast10) {

  public BenchmarkRun {
    curve = List.copyOf(curve);
  }

  /** The best value after {@code experiments} experiments (the last one if the run was shorter). */
  public double bestAfter(int experiments) {
    return curve.get(Math.min(experiments, curve.size()) - 1);
  }

  /**
   * The run as one JSON line, like optuna_ref.py's {@code json.dumps}: non-finite numbers are
   * written as Python writes them ({@code Infinity}).
   */
  public String toJson() {
    return "{\"func\": \""
        + func
        + "\", \"sampler\": \""
        + sampler
        + "\", \"seed\": "
        + seed
        + ", \"curve\": ["
        + curve.stream().map(BenchmarkRun::number).collect(Collectors.joining(", "))
        + "], \"ask_ms_median\": "
        + number(askMsMedian)
        + ", \"ask_ms_last10\": "
        + number(askMsLast10)
        + "}";
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    return Double.toString(v);
  }
}
