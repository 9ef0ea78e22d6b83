package io.autotune.inference;

import java.util.Optional;

/**
 * One measured request: its timings in seconds and token counts when it succeeded, or why it
 * failed. Immutable.
 */
record RequestSample(
    double ttft, double e2e, int inputTokens, int outputTokens, Optional<String> error) {

  static RequestSample success(double ttft, double e2e, int inputTokens, int outputTokens) {
    return new RequestSample(ttft, e2e, inputTokens, outputTokens, Optional.empty());
  }

  static RequestSample failure(String error) {
    return new RequestSample(Double.NaN, Double.NaN, 0, 0, Optional.of(error));
  }

  boolean succeeded() {
    return error.isEmpty();
  }

  /** Time per output token after the first; NaN with fewer than two tokens. */
  double tpot() {
    return outputTokens > 1 ? (e2e - ttft) / (outputTokens - 1) : Double.NaN;
  }
}
