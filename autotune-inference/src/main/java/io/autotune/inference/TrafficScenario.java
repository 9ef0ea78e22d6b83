package io.autotune.inference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic traffic scenario in genai-bench notation, {@code D(in,out)}: every request has
 * {@code in} prompt tokens and asks for exactly {@code out} output tokens. Immutable.
 */
public record TrafficScenario(int inputTokens, int outputTokens) {

  private static final Pattern DETERMINISTIC =
      Pattern.compile("D\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

  public TrafficScenario {
    if (inputTokens < 1) {
      throw new IllegalArgumentException("input tokens must be at least 1, but was " + inputTokens);
    }
    if (outputTokens < 1) {
      throw new IllegalArgumentException(
          "output tokens must be at least 1, but was " + outputTokens);
    }
  }

  /** Parses {@code D(100,100)}; other genai-bench distributions need the genai-bench tool. */
  public static TrafficScenario parse(String text) {
    Matcher matcher = DETERMINISTIC.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "traffic scenario '"
              + text
              + "' is not of the form D(in,out); the built-in load generator supports only"
              + " deterministic scenarios (use \"tool\": \"genai-bench\" for the others)");
    }
    return new TrafficScenario(
        Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  @Override
  public String toString() {
    return "D(" + inputTokens + "," + outputTokens + ")";
  }
}
