package io.autotune.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Turns planned requests into streaming OpenAI requests: {@code max_tokens} as planned, {@code
 * ignore_eos} (exactly that many tokens, as genai-bench and {@code vllm bench serve} ask), {@code
 * temperature 0}, usage in the stream, then the benchmark's additional parameters, which may
 * override any of these. Immutable; thread-safe.
 */
final class RequestBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String model;
  private final boolean chat;
  private final Map<String, Object> additionalParams;

  RequestBodies(URI base, String model, BenchmarkSpec spec) {
    this.chat = spec.api() == BenchmarkSpec.Api.CHAT;
    this.endpoint = base.resolve(chat ? "v1/chat/completions" : "v1/completions");
    this.model = model;
    this.additionalParams = spec.additionalParams();
  }

  HttpRequest request(PlannedRequest planned, Duration timeout) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(planned)))
        .build();
  }

  byte[] body(PlannedRequest planned) {
    ObjectNode node = JSON.createObjectNode();
    node.put("model", model);
    if (planned.prompt() instanceof Prompt.TokenIds ids) {
      if (chat) {
        throw new IllegalStateException("chat messages cannot carry token ids");
      }
      ArrayNode array = node.putArray("prompt");
      for (int id : ids.ids()) {
        array.add(id);
      }
    } else {
      String text = ((Prompt.Text) planned.prompt()).text();
      if (chat) {
        node.putArray("messages").addObject().put("role", "user").put("content", text);
      } else {
        node.put("prompt", text);
      }
    }
    node.put("max_tokens", planned.outputTokens());
    node.put("ignore_eos", true);
    node.put("temperature", 0.0);
    node.put("stream", true);
    node.putObject("stream_options").put("include_usage", true);
    additionalParams.forEach((key, value) -> node.set(key, JSON.valueToTree(value)));
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
