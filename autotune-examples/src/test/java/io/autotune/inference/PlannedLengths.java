package io.autotune.inference;

import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The prompt lengths the load generator plans for a scenario of a text-prompt benchmark, replayed
 * from its seed: what a server's counts are held to. It mirrors {@link LoadGenerator}'s planner
 * (one per scenario, seeded {@code seed + index}, warm-up first) and {@link PromptSetup}'s fit
 * (probes of one and two whole rounds of the word list), for a server whose tokenizer counts {@code
 * tokensOfWord} per word plus {@code overhead} per prompt. Lives in the inference package because
 * those are package-private; a change to either shows here as a failing comparison.
 */
public final class PlannedLengths {

  private PlannedLengths() {}

  /** The planned prompt tokens of requests {@code from} (0: the first warm-up) to {@code to}. */
  public static int[] inputs(
      BenchmarkSpec spec,
      int scenario,
      ToIntFunction<String> tokensOfWord,
      int overhead,
      int from,
      int to) {
    int round = TextPrompts.WORDS.stream().mapToInt(tokensOfWord).sum();
    int words = TextPrompts.WORDS.size();
    TokenFit fit = TokenFit.through(words, overhead + round, 2 * words, overhead + 2 * round);
    RequestPlanner planner =
        new RequestPlanner(
            spec.scenarios().get(scenario),
            Optional.of(new TextPrompts(fit, spec.prompt().prefixLen(), spec.seed())),
            spec.dataset(),
            spec.seed() + scenario);
    int[] lengths = new int[to - from];
    for (int i = 0; i < to; i++) {
      int planned = planner.next().promptTokens();
      if (i >= from) {
        lengths[i - from] = planned;
      }
    }
    return lengths;
  }
}
