package io.autotune.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The built-in load generator: streams OpenAI {@code /v1/completions} or {@code
 * /v1/chat/completions} requests at each concurrency level of a {@link BenchmarkSpec} and measures
 * TTFT, TPOT, end-to-end latency and throughput from the server-sent events.
 *
 * <p>Warm-up requests go first and are not measured. Each level then keeps {@code concurrency}
 * requests in flight until it has started {@code max_requests_per_iteration} requests or run for
 * {@code max_time_per_iteration}; requests in flight are let finish. Thread-safe: one instance can
 * run several benchmarks at once.
 */
public final class LoadGenerator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;

  private LoadGenerator(HttpClient client) {
    this.client = client;
  }

  /** A load generator with its own HTTP/1.1 client. */
  public static LoadGenerator create() {
    return new LoadGenerator(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build());
  }

  /**
   * Runs every (scenario, concurrency) level against the server at {@code base} (e.g. {@code
   * http://127.0.0.1:30000/}) and returns one result per level, in order. Stops starting requests
   * once {@code deadline} passes or {@code cancelled} turns true.
   */
  public List<LevelResult> run(
      URI base, String model, BenchmarkSpec spec, Instant deadline, BooleanSupplier cancelled)
      throws InterruptedException {
    Objects.requireNonNull(model, "model");
    try (LevelRunner runner = new LevelRunner(new StreamingRequest(client, Timer.shared()))) {
      List<LevelResult> results = new ArrayList<>();
      for (TrafficScenario scenario : spec.scenarios()) {
        RequestFactory requests = new RequestFactory(base, model, spec, scenario);
        int warmupConcurrency = Math.max(1, Math.min(spec.warmupRequests(), 4));
        runner.run(
            requests,
            warmupConcurrency,
            spec.warmupRequests(),
            spec.maxTimePerLevel(),
            deadline,
            cancelled);
        for (int concurrency : spec.concurrency()) {
          if (Instant.now().isAfter(deadline) || cancelled.getAsBoolean()) {
            return results;
          }
          List<RequestSample> samples = new ArrayList<>();
          double seconds =
              runner.run(
                  requests,
                  concurrency,
                  spec.maxRequestsPerLevel(),
                  spec.maxTimePerLevel(),
                  deadline,
                  cancelled,
                  samples);
          results.add(LevelResult.of(scenario.toString(), concurrency, samples, seconds));
        }
      }
      return results;
    }
  }

  /** Builds the request body for one scenario. */
  static final class RequestFactory {
    private final URI endpoint;
    private final byte[] body;
    private final TrafficScenario scenario;
    private final Duration requestTimeout;

    RequestFactory(URI base, String model, BenchmarkSpec spec, TrafficScenario scenario) {
      this.scenario = scenario;
      this.requestTimeout = spec.requestTimeout();
      boolean chat = spec.api() == BenchmarkSpec.Api.CHAT;
      this.endpoint = base.resolve(chat ? "v1/chat/completions" : "v1/completions");
      ObjectNode node = JSON.createObjectNode();
      node.put("model", model);
      String prompt = prompt(scenario.inputTokens());
      if (chat) {
        node.putArray("messages").addObject().put("role", "user").put("content", prompt);
      } else {
        node.put("prompt", prompt);
      }
      node.put("max_tokens", scenario.outputTokens());
      // exactly max_tokens tokens per request, as genai-bench does for D(in,out)
      node.put("ignore_eos", true);
      node.put("temperature", 0.0);
      node.put("stream", true);
      node.putObject("stream_options").put("include_usage", true);
      spec.additionalParams().forEach((key, value) -> node.set(key, JSON.valueToTree(value)));
      this.body = node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    HttpRequest request(Duration timeout) {
      return HttpRequest.newBuilder(endpoint)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .header("Accept", "text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    }

    int promptTokens() {
      return scenario.inputTokens();
    }

    Duration requestTimeout() {
      return requestTimeout;
    }

    /** About {@code tokens} tokens of text: one short common word per token. */
    private static String prompt(int tokens) {
      return "hello ".repeat(tokens).strip();
    }
  }
}
