package io.autotune.inference;

import java.util.Objects;

/**
 * How the built-in load generator writes prompts (the {@code benchmark.prompt} section). Every
 * request gets a prompt of its own, so that no prefix cache serves it unless {@code prefixLen} asks
 * for shared tokens on purpose. Immutable.
 *
 * @param format token ids, calibrated text, or token ids where the API takes them (auto)
 * @param tokenIdLow the smallest random token id (inclusive)
 * @param tokenIdHigh the largest random token id (exclusive); must not exceed the model's
 *     vocabulary
 * @param prefixLen tokens at the start of every prompt that all requests share (0: none)
 */
public record PromptOptions(Format format, int tokenIdLow, int tokenIdHigh, int prefixLen) {

  /** How prompts are sent. */
  public enum Format {
    /** Token ids on {@code /v1/completions}; calibrated text on chat or if ids are refused. */
    AUTO,
    /** Arrays of token ids ({@code /v1/completions} only): token-exact. */
    TOKEN_IDS,
    /** Text of random common words, sized from the server's own token counts. */
    TEXT
  }

  public PromptOptions {
    Objects.requireNonNull(format, "format");
    if (tokenIdLow < 0) {
      throw new IllegalArgumentException(
          "token_id_range: the low end must be at least 0, but was " + tokenIdLow);
    }
    if (tokenIdHigh - tokenIdLow < 2) {
      throw new IllegalArgumentException(
          "token_id_range ["
              + tokenIdLow
              + ", "
              + tokenIdHigh
              + ") must hold at least two ids, low first");
    }
    if (prefixLen < 0) {
      throw new IllegalArgumentException("prefix_len must be at least 0, but was " + prefixLen);
    }
  }

  /**
   * Auto format, ids from 1000 (past the special and byte tokens of common vocabularies) up to
   * 30000 (inside even the 32k vocabularies of Llama 2 and Mistral), no shared prefix.
   */
  public static PromptOptions defaults() {
    return new PromptOptions(Format.AUTO, 1000, 30000, 0);
  }
}
