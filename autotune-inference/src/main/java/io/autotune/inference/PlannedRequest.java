package io.autotune.inference;

import java.util.Objects;

/**
 * One request to send: its prompt, the output tokens it asks for, and the prompt tokens it was
 * planned to have ({@link #UNKNOWN} for dataset text). Immutable.
 */
record PlannedRequest(Prompt prompt, int outputTokens, int promptTokens) {

  static final int UNKNOWN = -1;

  PlannedRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (outputTokens < 1) {
      throw new IllegalArgumentException(
          "outputTokens must be at least 1, but was " + outputTokens);
    }
  }
}
