package io.autotune.inference;

import java.util.Arrays;
import java.util.Objects;

/** What one request sends as its prompt: token ids, or text. Immutable. */
sealed interface Prompt {

  /** A prompt of token ids ({@code /v1/completions} accepts an array of integers). */
  record TokenIds(int[] ids) implements Prompt {
    public TokenIds {
      ids = ids.clone();
    }

    @Override
    public int[] ids() {
      return ids.clone();
    }

    int length() {
      return ids.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TokenIds that && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
      return "TokenIds" + Arrays.toString(Arrays.copyOf(ids, Math.min(ids.length, 8)));
    }
  }

  /** A text prompt. */
  record Text(String text) implements Prompt {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }
}
