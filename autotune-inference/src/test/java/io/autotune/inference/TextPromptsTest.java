package io.autotune.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextPromptsTest {

  /**
   * A tokenizer whose words cost 1 to 3 tokens (a 4-character piece each), plus 5 for a template.
   */
  private static int tokens(String text) {
    return 5 + Arrays.stream(text.split(" ")).mapToInt(word -> (word.length() + 3) / 4).sum();
  }

  private static TokenFit fitLikePromptSetup(SplittableRandom random) {
    int one = TextPrompts.WORDS.size();
    int two = 2 * one;
    return TokenFit.through(
        one,
        tokens(String.join(" ", TextPrompts.words(one, random))),
        two,
        tokens(String.join(" ", TextPrompts.words(two, random))));
  }

  @Test
  void promptsHitTheAskedLengthThoughWordsDifferInTokens() {
    SplittableRandom random = new SplittableRandom(3);
    TextPrompts prompts = new TextPrompts(fitLikePromptSetup(random), 0, 3);

    for (int asked : List.of(128, 512, 2000)) {
      int[] measured = new int[20];
      for (int i = 0; i < measured.length; i++) {
        measured[i] = tokens(((Prompt.Text) prompts.write(asked, random)).text());
      }
      double mean = Arrays.stream(measured).average().orElseThrow();
      assertThat(mean)
          .as("mean of %s", Arrays.toString(measured))
          .isCloseTo(asked, within(0.01 * asked + 1));
      for (int n : measured) {
        assertThat((double) n).isCloseTo(asked, within(0.05 * asked + 2));
      }
    }
  }

  @Test
  void promptsAreUniqueAfterTheSharedPrefix() {
    SplittableRandom random = new SplittableRandom(5);
    TextPrompts prompts = new TextPrompts(fitLikePromptSetup(random), 64, 5);
    Set<String> seen = new HashSet<>();
    String prefix = null;
    for (int i = 0; i < 10; i++) {
      String text = ((Prompt.Text) prompts.write(300, random)).text();
      String[] words = text.split(" ");
      String head = String.join(" ", Arrays.copyOf(words, 30)); // 64 tokens are about 40 words
      prefix = prefix == null ? head : prefix;
      assertThat(head).isEqualTo(prefix);
      assertThat(seen.add(text)).as("prompt %d is new", i).isTrue();
    }
  }
}
