package io.autotune.inference;

import io.autotune.AutotuneException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Chooses how a benchmark writes its prompts, asking the server where it must: token ids where the
 * API takes them (a probe checks that the server accepts them, unless the format says token ids
 * outright), else text sized by a {@link TokenFit} of two probes' {@code usage.prompt_tokens}.
 */
final class PromptSetup {

  /** Sends one probe request (one output token) and returns what it measured. */
  interface Prober {
    RequestSample send(PlannedRequest request) throws InterruptedException;
  }

  static final int ID_PROBE_TOKENS = 16;
  // the fit's probes hold whole rounds of the word list (one, then two): their token counts give
  // the list's mean tokens per word exactly, not a sample's
  static final int[] FIT_PROBE_ROUNDS = {1, 2};

  private PromptSetup() {}

  /** The writer for the spec's synthetic scenarios; empty when it has only the dataset. */
  static Optional<PromptWriter> choose(BenchmarkSpec spec, Prober prober, Consumer<String> log)
      throws InterruptedException {
    boolean synthetic =
        spec.scenarios().stream().anyMatch(s -> s instanceof TrafficScenario.Synthetic);
    if (!synthetic) {
      return Optional.empty();
    }
    PromptOptions options = spec.prompt();
    boolean chat = spec.api() == BenchmarkSpec.Api.CHAT;
    if (options.format() == PromptOptions.Format.TOKEN_IDS) {
      return Optional.of(PromptWriter.tokenIds(options, spec.seed()));
    }
    if (options.format() == PromptOptions.Format.AUTO && !chat) {
      PromptWriter ids = PromptWriter.tokenIds(options, spec.seed());
      RequestSample probe =
          prober.send(
              new PlannedRequest(
                  ids.write(ID_PROBE_TOKENS, new SplittableRandom(spec.seed() + 1)),
                  1,
                  PlannedRequest.UNKNOWN));
      if (!probe.refused()) {
        if (probe.succeeded() && probe.inputTokens() != ID_PROBE_TOKENS) {
          log.accept(
              "prompts: the server counted "
                  + probe.inputTokens()
                  + " prompt tokens for "
                  + ID_PROBE_TOKENS
                  + " token ids (usage.prompt_tokens)");
        }
        log.accept("prompts: unique random token ids, token-exact");
        return Optional.of(ids);
      }
      log.accept(
          "prompts: the server refused token ids ("
              + probe.error().orElse("")
              + "); using text sized from its token counts");
    }
    TokenFit fit = fit(prober, new SplittableRandom(spec.seed() + 2));
    log.accept("prompts: unique random words, " + fit + " (fitted to usage.prompt_tokens)");
    return Optional.of(new TextPrompts(fit, options.prefixLen(), spec.seed()));
  }

  private static TokenFit fit(Prober prober, SplittableRandom random) throws InterruptedException {
    int[] words = new int[FIT_PROBE_ROUNDS.length];
    int[] tokens = new int[FIT_PROBE_ROUNDS.length];
    for (int i = 0; i < tokens.length; i++) {
      words[i] = FIT_PROBE_ROUNDS[i] * TextPrompts.WORDS.size();
      String text = String.join(" ", TextPrompts.words(words[i], random));
      RequestSample probe =
          prober.send(new PlannedRequest(new Prompt.Text(text), 1, PlannedRequest.UNKNOWN));
      if (!probe.succeeded()) {
        throw new AutotuneException(
            "sizing text prompts failed: a probe request of "
                + words[i]
                + " words failed ("
                + probe.error().orElse("")
                + ")");
      }
      if (probe.inputTokens() <= 0) {
        throw new AutotuneException(
            "sizing text prompts failed: the server reports no usage.prompt_tokens; use"
                + " \"prompt\": {\"format\": \"token_ids\"} with the completions api");
      }
      tokens[i] = probe.inputTokens();
    }
    try {
      return TokenFit.through(words[0], tokens[0], words[1], tokens[1]);
    } catch (IllegalArgumentException e) {
      throw new AutotuneException("sizing text prompts failed: " + e.getMessage(), e);
    }
  }
}
