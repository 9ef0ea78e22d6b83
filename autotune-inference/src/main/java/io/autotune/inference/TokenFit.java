package io.autotune.inference;

import java.util.Locale;

/**
 * How many tokens a server counts for a text prompt of random common words: {@code overhead +
 * perWord · words}, fitted from the {@code usage.prompt_tokens} of two probes. The overhead holds
 * what the server adds (a chat template, a BOS token). Immutable.
 */
record TokenFit(double overhead, double perWord) {

  TokenFit {
    if (!(perWord > 0) || !Double.isFinite(perWord) || !Double.isFinite(overhead)) {
      throw new IllegalArgumentException(
          "the server's token counts do not grow with the prompt (overhead "
              + overhead
              + ", per word "
              + perWord
              + ")");
    }
  }

  /** The fit through two measurements (words, tokens). */
  static TokenFit through(int words1, int tokens1, int words2, int tokens2) {
    double perWord = (double) (tokens2 - tokens1) / (words2 - words1);
    return new TokenFit(tokens1 - perWord * words1, perWord);
  }

  /** The number of words expected to make {@code tokens} tokens; at least 1. */
  int words(int tokens) {
    return (int) Math.max(1, Math.round((tokens - overhead) / perWord));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.2f tokens per word + %.1f", perWord, overhead);
  }
}
