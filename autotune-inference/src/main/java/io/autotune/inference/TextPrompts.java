package io.autotune.inference;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Text prompts of random common words, sized by a {@link TokenFit} of the server's own token
 * counts: the first words (enough for {@code prefixLen} tokens) are shared by every request, the
 * rest drawn per request, so that prompts are unique after the prefix. Immutable; thread-safe.
 */
final class TextPrompts implements PromptWriter {

  /** Common English words, most of them one token in the usual BPE vocabularies. */
  static final List<String> WORDS =
      List.of(
          "the",
          "of",
          "and",
          "to",
          "in",
          "is",
          "that",
          "for",
          "it",
          "as",
          "was",
          "with",
          "be",
          "by",
          "on",
          "not",
          "he",
          "this",
          "are",
          "or",
          "his",
          "from",
          "at",
          "which",
          "but",
          "have",
          "an",
          "had",
          "they",
          "you",
          "were",
          "their",
          "one",
          "all",
          "we",
          "can",
          "her",
          "has",
          "there",
          "been",
          "if",
          "more",
          "when",
          "will",
          "would",
          "who",
          "so",
          "no",
          "she",
          "other",
          "its",
          "may",
          "these",
          "what",
          "them",
          "than",
          "some",
          "him",
          "time",
          "into",
          "only",
          "do",
          "could",
          "new",
          "about",
          "two",
          "first",
          "then",
          "also",
          "after",
          "any",
          "like",
          "should",
          "made",
          "many",
          "before",
          "must",
          "through",
          "years",
          "where",
          "much",
          "your",
          "way",
          "well",
          "down",
          "most",
          "because",
          "very",
          "great",
          "over",
          "such",
          "same",
          "make",
          "people",
          "world",
          "year",
          "state",
          "work",
          "still",
          "between",
          "life",
          "under",
          "never",
          "water",
          "place",
          "house",
          "while",
          "last",
          "right",
          "might",
          "small",
          "every",
          "found",
          "long",
          "little",
          "part",
          "money",
          "number",
          "point",
          "group",
          "family",
          "during",
          "public",
          "school",
          "system",
          "order",
          "power",
          "light",
          "music",
          "river",
          "field",
          "garden",
          "market",
          "paper",
          "stone",
          "window",
          "winter",
          "summer",
          "morning",
          "evening",
          "island",
          "forest",
          "village",
          "history",
          "country",
          "city",
          "street",
          "road",
          "bridge",
          "mountain",
          "ocean",
          "sky",
          "green",
          "blue",
          "red",
          "white",
          "black",
          "open",
          "close",
          "early",
          "late",
          "simple",
          "strong",
          "quiet",
          "bright",
          "warm",
          "cold",
          "short",
          "table",
          "chair",
          "door",
          "letter",
          "story",
          "voice",
          "friend",
          "answer",
          "question",
          "reason",
          "result",
          "change",
          "moment",
          "nature",
          "energy",
          "figure",
          "method",
          "report",
          "season");

  private final TokenFit fit;
  private final String prefix;
  private final int prefixWords;

  TextPrompts(TokenFit fit, int prefixLen, long seed) {
    this.fit = fit;
    this.prefixWords = prefixLen == 0 ? 0 : fit.words(prefixLen);
    SplittableRandom random = new SplittableRandom(seed ^ 0x7e47_9e37_79b9L);
    this.prefix = words(prefixWords, random);
  }

  @Override
  public Prompt write(int tokens, RandomGenerator random) {
    int words = fit.words(tokens);
    if (words <= prefixWords) {
      return new Prompt.Text(String.join(" ", List.of(prefix.split(" ")).subList(0, words)));
    }
    String fresh = words(words - prefixWords, random);
    return new Prompt.Text(prefixWords == 0 ? fresh : prefix + " " + fresh);
  }

  static String words(int count, RandomGenerator random) {
    return IntStream.range(0, count)
        .mapToObj(i -> WORDS.get(random.nextInt(WORDS.size())))
        .collect(Collectors.joining(" "));
  }
}
