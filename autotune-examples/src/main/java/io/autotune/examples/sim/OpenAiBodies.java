package io.autotune.examples.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON bodies the simulated server answers with, in OpenAI's shapes. Stateless. */
final class OpenAiBodies {

  static final ObjectMapper JSON = new ObjectMapper();

  private OpenAiBodies() {}

  /** One streamed chunk carrying {@code text}. */
  static String chunk(String id, boolean chat, String text) {
    ObjectNode chunk = JSON.createObjectNode().put("id", id);
    chunk.put("object", chat ? "chat.completion.chunk" : "text_completion");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    if (chat) {
      choice.putObject("delta").put("content", text);
    } else {
      choice.put("text", text);
    }
    return chunk.toString();
  }

  /** The stream's last chunk: no choices, only the usage. */
  static String usageChunk(String id, Usage usage) {
    ObjectNode chunk = JSON.createObjectNode().put("id", id);
    chunk.putArray("choices");
    usage.into(chunk);
    return chunk.toString();
  }

  /** A whole completion, for {@code stream: false}. */
  static String completion(String id, String model, boolean chat, String text, Usage usage) {
    ObjectNode body = JSON.createObjectNode().put("id", id);
    body.put("object", chat ? "chat.completion" : "text_completion").put("model", model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    if (chat) {
      choice.putObject("message").put("role", "assistant").put("content", text);
    } else {
      choice.put("text", text);
    }
    choice.put("finish_reason", "length");
    usage.into(body);
    return body.toString();
  }

  /** The answer of {@code /tokenize}, as vLLM and SGLang give it. */
  static String tokens(int[] tokens) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("tokens");
    for (int token : tokens) {
      array.add(token);
    }
    return body.put("count", tokens.length)
        .put("max_model_len", SimTokenizer.MAX_MODEL_LEN)
        .toString();
  }

  /** An OpenAI error object. */
  static String error(int code, String type, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error")
        .put("message", message)
        .put("type", type)
        .putNull("param")
        .put("code", code);
    return body.toString();
  }

  /** A request's token counts. */
  record Usage(int promptTokens, int cachedTokens, int completionTokens) {
    void into(ObjectNode body) {
      ObjectNode usage = body.putObject("usage");
      usage
          .put("prompt_tokens", promptTokens)
          .put("completion_tokens", completionTokens)
          .put("total_tokens", promptTokens + completionTokens);
      usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
    }
  }
}
