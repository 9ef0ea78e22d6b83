package io.autotune.examples.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The simulated server's tokenizer: text splits into words at whitespace, each word into {@code
 * ceil(length / 4)} tokens whose ids follow from the word alone (so equal text gives equal ids, and
 * a prefix cache sees it). Chat requests are wrapped like a real chat template: a begin-of-text
 * token, three tokens around each message's content, and three that open the assistant's turn.
 * Prompts may also be arrays of token ids, checked against the vocabulary. Stateless.
 */
final class SimTokenizer {

  static final int VOCAB_SIZE = 128_000;
  static final int MAX_MODEL_LEN = 32_768;
  static final int TOKENS_PER_MESSAGE = 3;
  static final int CHAT_OVERHEAD = 4;

  // special tokens sit below the word ids, as in real vocabularies
  private static final int FIRST_WORD_ID = 1000;
  private static final int BEGIN_OF_TEXT = 1;
  private static final int MESSAGE_START = 2;
  private static final int MESSAGE_HEADER_END = 3;
  private static final List<String> ROLES = List.of("system", "user", "assistant", "tool");

  private SimTokenizer() {}

  /** The tokens of plain text. */
  static int[] encode(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return new int[0];
    }
    return Arrays.stream(stripped.split("\\s+"))
        .flatMapToInt(word -> IntStream.range(0, (word.length() + 3) / 4).map(i -> id(word, i)))
        .toArray();
  }

  /**
   * The prompt tokens of a {@code /v1/completions} body ({@code prompt}: text or token ids), a chat
   * body ({@code messages}) or a {@code /tokenize} body ({@code prompt}, {@code text} or {@code
   * messages}).
   *
   * @throws IllegalArgumentException for what a server answers with HTTP 400: no prompt, token ids
   *     outside the vocabulary, more than {@link #MAX_MODEL_LEN} tokens
   */
  static int[] prompt(JsonNode request) {
    int[] tokens;
    if (request.has("messages")) {
      tokens = chat(request.get("messages"));
    } else if (request.has("prompt") || request.has("text")) {
      JsonNode prompt = request.has("prompt") ? request.get("prompt") : request.get("text");
      tokens = prompt.isArray() ? ids(prompt) : encode(text(prompt));
    } else {
      throw new IllegalArgumentException("the request has no prompt (nor messages)");
    }
    if (tokens.length == 0) {
      throw new IllegalArgumentException("the prompt is empty");
    }
    if (tokens.length > MAX_MODEL_LEN) {
      throw new IllegalArgumentException(
          "This model's maximum context length is "
              + MAX_MODEL_LEN
              + " tokens. However, the prompt has "
              + tokens.length
              + " tokens");
    }
    return tokens;
  }

  private static int[] chat(JsonNode messages) {
    if (!messages.isArray() || messages.isEmpty()) {
      throw new IllegalArgumentException("messages must be a non-empty array");
    }
    IntStream.Builder tokens = IntStream.builder();
    tokens.add(BEGIN_OF_TEXT);
    for (JsonNode message : messages) {
      header(tokens, message.path("role").asText("user"));
      Arrays.stream(encode(content(message.path("content")))).forEach(tokens::add);
    }
    header(tokens, "assistant"); // the generation prompt
    return tokens.build().toArray();
  }

  private static void header(IntStream.Builder tokens, String role) {
    int known = ROLES.indexOf(role);
    tokens.add(MESSAGE_START);
    tokens.add(known >= 0 ? 10 + known : id(role, 0));
    tokens.add(MESSAGE_HEADER_END);
  }

  /** A message's content: a string, or an array of parts whose {@code text} counts. */
  private static String content(JsonNode content) {
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      content.forEach(part -> text.append(' ').append(part.path("text").asText("")));
      return text.toString();
    }
    return text(content);
  }

  private static String text(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("the prompt must be a string or an array of token ids");
    }
    return node.asText();
  }

  private static int[] ids(JsonNode array) {
    int[] ids = new int[array.size()];
    for (int i = 0; i < ids.length; i++) {
      JsonNode id = array.get(i);
      if (!id.canConvertToInt() || !id.isIntegralNumber()) {
        throw new IllegalArgumentException(
            "the prompt must be a string or an array of token ids, but element " + i + " is " + id);
      }
      ids[i] = id.intValue();
      if (ids[i] < 0 || ids[i] >= VOCAB_SIZE) {
        throw new IllegalArgumentException(
            "token id "
                + ids[i]
                + " at position "
                + i
                + " is out of vocabulary [0, "
                + VOCAB_SIZE
                + ")");
      }
    }
    return ids;
  }

  /** The id of a word's {@code piece}-th token: a mixed hash of both, in the word range. */
  private static int id(String word, int piece) {
    long x = word.hashCode() * 0x9E37_79B9_7F4A_7C15L + piece;
    x = (x ^ (x >>> 30)) * 0xBF58_476D_1CE4_E5B9L; // splitmix64's finaliser
    x = (x ^ (x >>> 27)) * 0x94D0_49BB_1331_11EBL;
    x ^= x >>> 31;
    return FIRST_WORD_ID + (int) Math.floorMod(x, (long) (VOCAB_SIZE - FIRST_WORD_ID));
  }
}
