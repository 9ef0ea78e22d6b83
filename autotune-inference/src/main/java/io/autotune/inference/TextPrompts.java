package io.autotune.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Text prompts of random common words, sized by a {@link TokenFit} of the server's own token
 * counts: the first words (enough for {@code prefixLen} tokens) are shared by every request, the
 * rest drawn per request, so that prompts are unique after the prefix. Immutable; thread-safe.
 *
 * <p>Words are drawn in rounds, each a fresh shuffle of the whole list, and the fit's probes hold
 * whole rounds: a prompt's token count then differs from the fit's only by the words of its last,
 * partial round, whatever each word's own token count is.
 */
final class TextPrompts implements PromptWriter {

  static final List<String> WORDS = load("prompt-words.txt");

  private final TokenFit fit;
  private final List<String> prefix;

  TextPrompts(TokenFit fit, int prefixLen, long seed) {
    this.fit = fit;
    SplittableRandom random = new SplittableRandom(seed ^ 0x7e47_9e37_79b9L);
    this.prefix = prefixLen == 0 ? List.of() : words(fit.words(prefixLen), random);
  }

  @Override
  public Prompt write(int tokens, RandomGenerator random) {
    int words = fit.words(tokens);
    if (words <= prefix.size()) {
      return new Prompt.Text(String.join(" ", prefix.subList(0, words)));
    }
    List<String> text = new ArrayList<>(prefix);
    text.addAll(words(words - prefix.size(), random));
    return new Prompt.Text(String.join(" ", text));
  }

  /** {@code count} words in shuffled rounds of the whole list. */
  static List<String> words(int count, RandomGenerator random) {
    List<String> words = new ArrayList<>(count);
    while (words.size() < count) {
      List<String> round = new ArrayList<>(WORDS);
      for (int i = round.size() - 1; i > 0; i--) { // Fisher-Yates, from the given generator
        round.set(i, round.set(random.nextInt(i + 1), round.get(i)));
      }
      words.addAll(round.subList(0, Math.min(round.size(), count - words.size())));
    }
    return words;
  }

  private static List<String> load(String resource) {
    try (InputStream in = TextPrompts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
