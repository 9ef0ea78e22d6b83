package io.autotune.inference;

import java.time.Duration;

/**
 * A point in {@link System#nanoTime()} time: the experiment's deadline turned, once, into a budget
 * on the monotonic clock, so that a benchmark never compares it with a wall clock that may jump.
 * Immutable.
 */
record Deadline(long nanos) {

  static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + Math.max(0, budget.toNanos()));
  }

  boolean passed() {
    return remainingNanos() <= 0;
  }

  long remainingNanos() {
    return nanos - System.nanoTime();
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, remainingNanos()));
  }

  /** The earlier of this deadline and {@code budget} from now. */
  Deadline atMost(Duration budget) {
    return new Deadline(Math.min(nanos, after(budget).nanos));
  }
}
