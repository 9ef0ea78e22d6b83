package io.autotune.inference;

import com.fasterxml.jackson.databind.JsonNode;

/** Counts the chunks of one OpenAI stream and remembers when the first token came. */
final class StreamTally {

  private long firstTokenNanos = -1;
  private int chunks;
  private int completionTokens = -1;
  private int promptTokens = -1;

  /** Takes one parsed chunk; returns why it is not acceptable, or null. */
  String add(JsonNode chunk, long nowNanos) {
    if (chunk == null || !chunk.isObject()) {
      return "unparseable stream chunk";
    }
    if (chunk.has("error")) {
      return "the server reported an error in the stream";
    }
    JsonNode choices = chunk.get("choices");
    JsonNode usage = chunk.get("usage");
    if ((choices == null || !choices.isArray()) && (usage == null || !usage.isObject())) {
      return "stream chunk has neither choices nor usage";
    }
    if (usage != null && usage.isObject()) {
      completionTokens = usage.path("completion_tokens").asInt(completionTokens);
      promptTokens = usage.path("prompt_tokens").asInt(promptTokens);
    }
    if (choices != null && !choices.isEmpty() && !text(choices.get(0)).isEmpty()) {
      if (firstTokenNanos < 0) {
        firstTokenNanos = nowNanos;
      }
      chunks++;
    }
    return null;
  }

  int chunks() {
    return chunks;
  }

  RequestSample finish(long startNanos, int expectedPromptTokens) {
    if (chunks == 0) {
      return RequestSample.failure("stream ended without a single token");
    }
    double e2e = (System.nanoTime() - startNanos) / 1e9;
    double ttft = (firstTokenNanos - startNanos) / 1e9;
    int output = completionTokens > 0 ? completionTokens : chunks;
    int input = promptTokens > 0 ? promptTokens : expectedPromptTokens;
    return RequestSample.success(ttft, e2e, input, output);
  }

  /** {@code text} of a completion choice, {@code delta.content} of a chat choice. */
  private static String text(JsonNode choice) {
    if (choice.has("text")) {
      return choice.path("text").asText("");
    }
    return choice.path("delta").path("content").asText("");
  }
}
