package io.autotune.inference;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One level to run: its load, its bounds, and the evidence that stops it early. Immutable.
 *
 * @param load closed-loop concurrency or open-loop request rate
 * @param maxRequests the most requests it starts
 * @param maxTime it starts no request after this long
 * @param maxConcurrency caps the requests in flight of an open loop
 * @param evidence stops the level once it has surely broken an SLO
 */
record LevelPlan(
    Load load,
    int maxRequests,
    Duration maxTime,
    OptionalInt maxConcurrency,
    SloEvidence evidence) {

  LevelPlan {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(maxTime, "maxTime");
    Objects.requireNonNull(maxConcurrency, "maxConcurrency");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Warm-up: a few requests at once, not judged. */
  static LevelPlan warmup(int requests, Duration maxTime) {
    return new LevelPlan(
        Load.concurrency(Math.max(1, Math.min(requests, 4))),
        requests,
        maxTime,
        OptionalInt.empty(),
        SloEvidence.NONE);
  }
}
