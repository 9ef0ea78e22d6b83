package io.autotune.inference;

import java.util.List;
import java.util.Optional;

/**
 * What one level measured: its requests, its wall time (first request sent to last one finished)
 * and, if it was stopped early, why. Immutable.
 */
record LevelOutcome(List<RequestSample> samples, double seconds, Optional<String> stoppedEarly) {

  LevelOutcome {
    samples = List.copyOf(samples);
  }
}
