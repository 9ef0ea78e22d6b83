package io.autotune.inference;

import java.time.Duration;

/** The rules a {@link BenchmarkSpec}'s options must keep with each other. */
final class BenchmarkSpecRules {

  private BenchmarkSpecRules() {}

  static void check(BenchmarkSpec spec) {
    if (spec.trafficScenarios().isEmpty()) {
      throw new IllegalArgumentException("traffic_scenarios must not be empty");
    }
    levels(spec);
    requireAtLeast("warmup_requests", spec.warmupRequests(), 0);
    requireAtLeast("max_requests_per_iteration", spec.maxRequestsPerLevel(), 1);
    requirePositive("max_time_per_iteration", spec.maxTimePerLevel());
    requirePositive("request_timeout", spec.requestTimeout());
    if (spec.tool() == BenchmarkSpec.Tool.GENAI_BENCH) {
      genaiBenchOnlyCovers(spec);
      return;
    }
    for (TrafficScenario scenario : spec.scenarios()) {
      if (scenario instanceof TrafficScenario.FromDataset && spec.dataset().isEmpty()) {
        throw new IllegalArgumentException(
            "the traffic scenario \"dataset\" needs a dataset (\"dataset\": {\"path\": ...})");
      }
    }
    if (spec.prompt().format() == PromptOptions.Format.TOKEN_IDS
        && spec.api() == BenchmarkSpec.Api.CHAT) {
      throw new IllegalArgumentException(
          "prompt format token_ids needs the completions api: chat messages are text");
    }
  }

  private static void levels(BenchmarkSpec spec) {
    boolean closed = !spec.concurrency().isEmpty();
    boolean open = !spec.requestRates().isEmpty();
    if (spec.goodput().isPresent() && (closed || open)) {
      throw new IllegalArgumentException(
          "goodput searches the load itself: leave out num_concurrency and request_rates");
    }
    if (spec.goodput().isEmpty() && closed == open) {
      throw new IllegalArgumentException(
          closed
              ? "give num_concurrency (closed loop) or request_rates (open loop), not both"
              : "num_concurrency or request_rates must not be empty");
    }
    for (int level : spec.concurrency()) {
      if (level < 1) {
        throw new IllegalArgumentException(
            "num_concurrency values must be at least 1, but one was " + level);
      }
    }
    for (double rate : spec.requestRates()) {
      if (!(rate > 0) || !Double.isFinite(rate)) {
        throw new IllegalArgumentException(
            "request_rates values must be positive requests per second, but one was " + rate);
      }
    }
    boolean openLoop =
        open || spec.goodput().map(g -> g.over() == Load.Arrival.REQUEST_RATE).orElse(false);
    if (spec.maxConcurrency().isPresent()) {
      requireAtLeast("max_concurrency", spec.maxConcurrency().getAsInt(), 1);
      if (!openLoop) {
        throw new IllegalArgumentException(
            "max_concurrency caps an open loop: it needs request_rates or a goodput search over"
                + " request_rate");
      }
    }
  }

  private static void genaiBenchOnlyCovers(BenchmarkSpec spec) {
    if (!spec.requestRates().isEmpty()
        || spec.goodput().isPresent()
        || spec.dataset().isPresent()
        || !spec.prompt().equals(PromptOptions.defaults())) {
      throw new IllegalArgumentException(
          "request_rates, goodput, dataset and prompt need the built-in load generator"
              + " (\"tool\": \"builtin\"); genai-bench runs num_concurrency levels");
    }
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", but was " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
  }
}
