package io.autotune.inference;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The goodput search (the {@code benchmark.goodput} section): find the highest load that still
 * meets every SLO of the task, by doubling or halving from {@code start} until a bracket is found,
 * then bisecting it, in at most {@code maxRuns} benchmark runs per scenario. Immutable.
 *
 * @param over whether the search varies the request rate (open loop) or the concurrency
 * @param start the first load tried
 * @param max the highest load tried, if any
 * @param maxRuns benchmark runs per scenario, at least 2
 * @param minSuccessRate the share of requests that must succeed for a load to count as met
 */
public record GoodputOptions(
    Load.Arrival over, double start, OptionalDouble max, int maxRuns, double minSuccessRate) {

  public static final int DEFAULT_MAX_RUNS = 6;

  public GoodputOptions {
    Objects.requireNonNull(over, "over");
    Objects.requireNonNull(max, "max");
    new Load(over, start); // validates the start as a load of this kind
    if (max.isPresent()) {
      new Load(over, max.getAsDouble());
      if (max.getAsDouble() < start) {
        throw new IllegalArgumentException(
            "goodput max " + max.getAsDouble() + " is below its start " + start);
      }
    }
    if (maxRuns < 2) {
      throw new IllegalArgumentException("goodput max_runs must be at least 2, but was " + maxRuns);
    }
    if (!(minSuccessRate >= 0 && minSuccessRate <= 1)) {
      throw new IllegalArgumentException(
          "goodput min_success_rate must be within [0, 1], but was " + minSuccessRate);
    }
  }

  /** A search over request rates from 1 request/s, 6 runs, 99 % of requests must succeed. */
  public static GoodputOptions overRequestRate() {
    return new GoodputOptions(
        Load.Arrival.REQUEST_RATE, 1, OptionalDouble.empty(), DEFAULT_MAX_RUNS, 0.99);
  }

  /** A search over concurrency from 1, 6 runs, 99 % of requests must succeed. */
  public static GoodputOptions overConcurrency() {
    return new GoodputOptions(
        Load.Arrival.CONCURRENCY, 1, OptionalDouble.empty(), DEFAULT_MAX_RUNS, 0.99);
  }
}
