package io.autotune.inference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to benchmark a running server: the tool, the API, the traffic scenarios, the concurrency
 * levels and the bounds of each level. Read from the task JSON's {@code benchmark} section by
 * {@link BenchmarkSpecJson}. Immutable.
 *
 * @param tool the built-in load generator or genai-bench
 * @param api the OpenAI endpoint that is called
 * @param modelName the model name sent in requests; when empty, the first id of /v1/models
 * @param trafficScenarios scenarios in genai-bench notation, e.g. {@code D(100,100)}
 * @param concurrency the concurrency levels, each run in turn
 * @param warmupRequests requests sent (and not measured) before the first level
 * @param maxTimePerLevel a level stops starting requests after this long
 * @param maxRequestsPerLevel a level starts at most this many requests
 * @param requestTimeout one request (the whole stream) fails after this long
 * @param additionalParams extra fields merged into every request body
 * @param genaiBench options used only by the genai-bench tool
 */
public record BenchmarkSpec(
    Tool tool,
    Api api,
    Optional<String> modelName,
    List<String> trafficScenarios,
    List<Integer> concurrency,
    int warmupRequests,
    Duration maxTimePerLevel,
    int maxRequestsPerLevel,
    Duration requestTimeout,
    Map<String, Object> additionalParams,
    GenaiBenchOptions genaiBench) {

  /** Which program generates the load. */
  public enum Tool {
    BUILTIN,
    GENAI_BENCH
  }

  /** Which OpenAI-compatible endpoint is called. */
  public enum Api {
    /** {@code POST /v1/completions} with a prompt. */
    COMPLETIONS,
    /** {@code POST /v1/chat/completions} with one user message. */
    CHAT
  }

  /**
   * Options of the genai-bench tool.
   *
   * @param command the genai-bench executable
   * @param task genai-bench's task, e.g. {@code text-to-text}
   * @param tokenizer the tokenizer genai-bench counts tokens with
   */
  public record GenaiBenchOptions(String command, String task, String tokenizer) {
    public GenaiBenchOptions {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public static GenaiBenchOptions defaults() {
      return new GenaiBenchOptions("genai-bench", "text-to-text", "gpt2");
    }
  }

  public BenchmarkSpec {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(modelName, "modelName");
    trafficScenarios = List.copyOf(trafficScenarios);
    concurrency = List.copyOf(concurrency);
    additionalParams = Map.copyOf(additionalParams);
    Objects.requireNonNull(genaiBench, "genaiBench");
    if (trafficScenarios.isEmpty()) {
      throw new IllegalArgumentException("traffic_scenarios must not be empty");
    }
    if (tool == Tool.BUILTIN) {
      trafficScenarios.forEach(TrafficScenario::parse);
    }
    if (concurrency.isEmpty()) {
      throw new IllegalArgumentException("num_concurrency must not be empty");
    }
    for (int level : concurrency) {
      if (level < 1) {
        throw new IllegalArgumentException(
            "num_concurrency values must be at least 1, but one was " + level);
      }
    }
    requireAtLeast("warmup_requests", warmupRequests, 0);
    requireAtLeast("max_requests_per_iteration", maxRequestsPerLevel, 1);
    requirePositive("max_time_per_iteration", maxTimePerLevel);
    requirePositive("request_timeout", requestTimeout);
  }

  /**
   * The defaults: built-in tool, completions API, D(100,100), concurrency 1, 2 warm-up requests, 30
   * s and 50 requests per level, 60 s per request.
   */
  public static BenchmarkSpec defaults() {
    return new BenchmarkSpec(
        Tool.BUILTIN,
        Api.COMPLETIONS,
        Optional.empty(),
        List.of("D(100,100)"),
        List.of(1),
        2,
        Duration.ofSeconds(30),
        50,
        Duration.ofSeconds(60),
        Map.of(),
        GenaiBenchOptions.defaults());
  }

  /**
   * Reads the task JSON's {@code benchmark} section; unknown keys and wrong types are {@link
   * io.autotune.InvalidTaskException}s that name the JSON path.
   */
  public static BenchmarkSpec fromJson(com.fasterxml.jackson.databind.JsonNode section) {
    return BenchmarkSpecJson.parse(section, "benchmark");
  }

  /** The same spec with other concurrency levels. */
  public BenchmarkSpec withConcurrency(List<Integer> levels) {
    return new BenchmarkSpec(
        tool,
        api,
        modelName,
        trafficScenarios,
        levels,
        warmupRequests,
        maxTimePerLevel,
        maxRequestsPerLevel,
        requestTimeout,
        additionalParams,
        genaiBench);
  }

  /** The same spec with other bounds per level. */
  public BenchmarkSpec withLevelBounds(Duration maxTime, int maxRequests) {
    return new BenchmarkSpec(
        tool,
        api,
        modelName,
        trafficScenarios,
        concurrency,
        warmupRequests,
        maxTime,
        maxRequests,
        requestTimeout,
        additionalParams,
        genaiBench);
  }

  /** The scenarios parsed for the built-in load generator. */
  public List<TrafficScenario> scenarios() {
    return trafficScenarios.stream().map(TrafficScenario::parse).toList();
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
