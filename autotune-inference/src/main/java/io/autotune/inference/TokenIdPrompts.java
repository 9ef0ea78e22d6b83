package io.autotune.inference;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Prompts of random token ids from {@code [tokenIdLow, tokenIdHigh)}: the first {@code prefixLen}
 * are the same for every request (drawn once from the seed), the rest fresh per request, so that a
 * prefix cache hits exactly the shared prefix. Immutable; thread-safe.
 */
final class TokenIdPrompts implements PromptWriter {

  private final PromptOptions options;
  private final int[] prefix;

  TokenIdPrompts(PromptOptions options, long seed) {
    this.options = options;
    SplittableRandom random = new SplittableRandom(seed ^ 0x5eed_9e37_79b9L);
    this.prefix = new int[options.prefixLen()];
    Arrays.setAll(prefix, i -> id(random));
  }

  @Override
  public Prompt write(int tokens, RandomGenerator random) {
    int[] ids = new int[tokens];
    int shared = Math.min(tokens, prefix.length);
    System.arraycopy(prefix, 0, ids, 0, shared);
    for (int i = shared; i < tokens; i++) {
      ids[i] = id(random);
    }
    return new Prompt.TokenIds(ids);
  }

  private int id(RandomGenerator random) {
    return random.nextInt(options.tokenIdLow(), options.tokenIdHigh());
  }
}
