package io.autotune.inference;

import java.util.Locale;
import java.util.Objects;

/**
 * The load of one benchmark level: a closed loop that keeps {@code concurrency} requests in flight,
 * or an open loop whose requests arrive as a Poisson process of {@code rate} requests per second.
 * Immutable.
 *
 * @param arrival how requests are started
 * @param value the concurrency (a whole number) or the request rate
 */
public record Load(Arrival arrival, double value) implements Comparable<Load> {

  /** How a level starts its requests. */
  public enum Arrival {
    /** Closed loop: a new request starts when one ends (genai-bench's num_concurrency). */
    CONCURRENCY,
    /** Open loop: Poisson arrivals at a rate, whatever the server does (vllm bench serve). */
    REQUEST_RATE
  }

  public Load {
    Objects.requireNonNull(arrival, "arrival");
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          arrival.name().toLowerCase(Locale.ROOT) + " must be a positive number, but was " + value);
    }
    if (arrival == Arrival.CONCURRENCY && value != Math.rint(value)) {
      throw new IllegalArgumentException("concurrency must be a whole number, but was " + value);
    }
  }

  public static Load concurrency(int requests) {
    return new Load(Arrival.CONCURRENCY, requests);
  }

  public static Load requestRate(double perSecond) {
    return new Load(Arrival.REQUEST_RATE, perSecond);
  }

  public boolean isOpenLoop() {
    return arrival == Arrival.REQUEST_RATE;
  }

  /** The concurrency of a closed loop. */
  public int concurrency() {
    if (isOpenLoop()) {
      throw new IllegalStateException("an open-loop level has a rate, not a concurrency: " + this);
    }
    return (int) value;
  }

  /** Orders levels of one kind from the lightest to the heaviest. */
  @Override
  public int compareTo(Load other) {
    int byKind = arrival.compareTo(other.arrival);
    return byKind != 0 ? byKind : Double.compare(value, other.value);
  }

  @Override
  public String toString() {
    return isOpenLoop()
        ? String.format(Locale.ROOT, "rate %s req/s", compact(value))
        : "concurrency " + (int) value;
  }

  private static String compact(double number) {
    return number == Math.rint(number)
        ? String.valueOf((long) number)
        : String.format(Locale.ROOT, "%.3g", number);
  }
}
