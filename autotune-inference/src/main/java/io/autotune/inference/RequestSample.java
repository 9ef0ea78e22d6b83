package io.autotune.inference;

import java.util.Optional;

/**
 * One measured request: its timings in seconds and token counts when it succeeded, or why it
 * failed. Immutable.
 *
 * @param inputTokens the prompt tokens the server counted, else the planned count (-1: unknown)
 * @param refused whether the server answered with an HTTP 4xx: it does not accept the request
 */
record RequestSample(
    double ttft,
    double e2e,
    int inputTokens,
    int outputTokens,
    Optional<String> error,
    boolean refused) {

  static RequestSample success(double ttft, double e2e, int inputTokens, int outputTokens) {
    return new RequestSample(ttft, e2e, inputTokens, outputTokens, Optional.empty(), false);
  }

  static RequestSample failure(String error) {
    return new RequestSample(Double.NaN, Double.NaN, 0, 0, Optional.of(error), false);
  }

  static RequestSample httpError(int status, String body) {
    return new RequestSample(
        Double.NaN,
        Double.NaN,
        0,
        0,
        Optional.of("HTTP " + status + ": " + body),
        status >= 400 && status < 500);
  }

  boolean succeeded() {
    return error.isEmpty();
  }

  /** Time per output token after the first; NaN with fewer than two tokens. */
  double tpot() {
    return outputTokens > 1 ? (e2e - ttft) / (outputTokens - 1) : Double.NaN;
  }
}
