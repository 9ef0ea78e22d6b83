package io.autotune.inference;

import java.util.random.RandomGenerator;

/** Writes a fresh prompt of a given number of tokens. Implementations are thread-safe. */
interface PromptWriter {

  /**
   * A prompt of {@code tokens} tokens whose part after the shared prefix comes from {@code random}.
   */
  Prompt write(int tokens, RandomGenerator random);

  /** Uniformly random token ids after a shared prefix: token-exact, and unique per request. */
  static PromptWriter tokenIds(PromptOptions options, long seed) {
    return new TokenIdPrompts(options, seed);
  }
}
