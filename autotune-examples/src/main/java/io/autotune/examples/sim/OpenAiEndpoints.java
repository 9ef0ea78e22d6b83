package io.autotune.examples.sim;

import static io.autotune.examples.sim.OpenAiBodies.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI-compatible endpoints of the simulated server: {@code /health}, {@code /v1/models},
 * {@code /tokenize}, and {@code /v1/completions} and {@code /v1/chat/completions}, streamed or not.
 * Bad requests (no prompt, token ids outside the vocabulary, prompts past the context length) get
 * HTTP 400 with an OpenAI error object. Thread-safe.
 */
final class OpenAiEndpoints {

  private final SimulatedEngine engine;
  private final String modelName;
  private final AtomicLong ids = new AtomicLong();

  OpenAiEndpoints(SimulatedEngine engine, String modelName) {
    this.engine = engine;
    this.modelName = modelName;
  }

  void register(HttpServer server) {
    server.createContext("/health", exchange -> respond(exchange, 200, "ok"));
    server.createContext(
        "/v1/models",
        exchange ->
            respond(
                exchange,
                200,
                "{\"object\":\"list\",\"data\":[{\"id\":"
                    + JSON.valueToTree(modelName)
                    + ",\"object\":\"model\",\"owned_by\":\"autotune-simulator\"}]}"));
    server.createContext("/tokenize", this::tokenize);
    server.createContext("/v1/completions", exchange -> complete(exchange, false));
    server.createContext("/v1/chat/completions", exchange -> complete(exchange, true));
  }

  private void tokenize(HttpExchange exchange) throws IOException {
    Optional<JsonNode> request = read(exchange);
    if (request.isPresent()) {
      Optional<int[]> prompt = prompt(exchange, request.get());
      if (prompt.isPresent()) {
        respond(exchange, 200, OpenAiBodies.tokens(prompt.get()));
      }
    }
  }

  private void complete(HttpExchange exchange, boolean chat) throws IOException {
    Optional<JsonNode> request = read(exchange);
    Optional<int[]> prompt =
        request.isPresent() ? prompt(exchange, request.get()) : Optional.empty();
    if (prompt.isEmpty()) {
      return;
    }
    int maxTokens = Math.max(1, request.get().path("max_tokens").asInt(16));
    String id = (chat ? "chatcmpl-" : "cmpl-") + ids.incrementAndGet();
    try {
      if (request.get().path("stream").asBoolean(false)) {
        stream(exchange, chat, id, prompt.get(), maxTokens);
      } else {
        int cached = engine.generate(prompt.get(), maxTokens, count -> {});
        OpenAiBodies.Usage usage = new OpenAiBodies.Usage(prompt.get().length, cached, maxTokens);
        respond(
            exchange,
            200,
            OpenAiBodies.completion(id, modelName, chat, " tok".repeat(maxTokens), usage));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stream(HttpExchange exchange, boolean chat, String id, int[] prompt, int maxTokens)
      throws IOException, InterruptedException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      int cached =
          engine.generate(
              prompt,
              maxTokens,
              count -> send(out, OpenAiBodies.chunk(id, chat, " tok".repeat(count))));
      OpenAiBodies.Usage usage = new OpenAiBodies.Usage(prompt.length, cached, maxTokens);
      send(out, OpenAiBodies.usageChunk(id, usage));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The POSTed JSON body; empty once it has answered a wrong method or a body that is not JSON. */
  private static Optional<JsonNode> read(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      respond(exchange, 405, OpenAiBodies.error(405, "invalid_request_error", "use POST"));
      return Optional.empty();
    }
    try {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      if (request != null && request.isObject()) {
        return Optional.of(request);
      }
    } catch (IOException e) {
      // answered below
    }
    respond(
        exchange, 400, OpenAiBodies.error(400, "invalid_request_error", "the body is not JSON"));
    return Optional.empty();
  }

  /** The request's prompt tokens; empty once it has answered HTTP 400. */
  private static Optional<int[]> prompt(HttpExchange exchange, JsonNode request)
      throws IOException {
    try {
      return Optional.of(SimTokenizer.prompt(request));
    } catch (IllegalArgumentException e) {
      respond(exchange, 400, OpenAiBodies.error(400, "invalid_request_error", e.getMessage()));
      return Optional.empty();
    }
  }

  private static void send(OutputStream out, String json) throws IOException {
    out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
