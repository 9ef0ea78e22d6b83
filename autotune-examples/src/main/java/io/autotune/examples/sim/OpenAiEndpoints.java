package io.autotune.examples.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI-compatible endpoints of the simulated server: {@code /health}, {@code /v1/models}, and
 * streaming {@code /v1/completions} and {@code /v1/chat/completions}. Thread-safe.
 */
final class OpenAiEndpoints {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    server.createContext("/v1/completions", exchange -> complete(exchange, false));
    server.createContext("/v1/chat/completions", exchange -> complete(exchange, true));
  }

  private void complete(HttpExchange exchange, boolean chat) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      respond(exchange, 405, "{\"error\":{\"message\":\"use POST\"}}");
      return;
    }
    JsonNode request;
    try {
      request = JSON.readTree(exchange.getRequestBody());
    } catch (IOException e) {
      respond(exchange, 400, "{\"error\":{\"message\":\"the body is not JSON\"}}");
      return;
    }
    int maxTokens = Math.max(1, request.path("max_tokens").asInt(16));
    int promptTokens = promptTokens(request, chat);
    String id = (chat ? "chatcmpl-" : "cmpl-") + ids.incrementAndGet();
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      engine.generate(maxTokens, count -> send(out, chunk(id, chat, " tok".repeat(count))));
      ObjectNode usage = JSON.createObjectNode();
      usage.put("id", id).putArray("choices");
      usage
          .putObject("usage")
          .put("prompt_tokens", promptTokens)
          .put("completion_tokens", maxTokens)
          .put("total_tokens", promptTokens + maxTokens);
      send(out, usage.toString());
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String chunk(String id, boolean chat, String text) {
    ObjectNode chunk = JSON.createObjectNode().put("id", id);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    if (chat) {
      choice.putObject("delta").put("content", text);
    } else {
      choice.put("text", text);
    }
    return chunk.toString();
  }

  /** One token per whitespace-separated word, as the load generator's prompts are built. */
  private static int promptTokens(JsonNode request, boolean chat) {
    String prompt =
        chat
            ? request.path("messages").path(0).path("content").asText("")
            : request.path("prompt").asText("");
    return prompt.isBlank() ? 0 : prompt.strip().split("\\s+").length;
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
