package io.autotune.inference;

import java.util.Objects;

/**
 * What the requests of one scenario look like. Synthetic scenarios use genai-bench's notation:
 * {@code D(in,out)} (every prompt {@code in} tokens, exactly {@code out} output tokens), {@code
 * N(mean,std)/(mean,std)} (normal input and output lengths) and {@code U(min,max)/(min,max)}
 * (uniform). The scenario {@code dataset} sends the prompts of the benchmark's dataset. Immutable.
 */
public sealed interface TrafficScenario {

  String DATASET = "dataset";

  /** Requests with lengths drawn from two distributions. */
  record Synthetic(LengthDistribution input, LengthDistribution output) implements TrafficScenario {
    public Synthetic {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(output, "output");
    }

    /** {@code D(in,out)}. */
    public static Synthetic deterministic(int inputTokens, int outputTokens) {
      return new Synthetic(
          new LengthDistribution.Fixed(inputTokens), new LengthDistribution.Fixed(outputTokens));
    }

    @Override
    public String toString() {
      if (input instanceof LengthDistribution.Fixed in
          && output instanceof LengthDistribution.Fixed out) {
        return "D(" + in.tokens() + "," + out.tokens() + ")";
      }
      return notation(input) + "/" + notation(output).substring(1);
    }

    private static String notation(LengthDistribution lengths) {
      if (lengths instanceof LengthDistribution.Normal n) {
        return "N(" + number(n.mean()) + "," + number(n.std()) + ")";
      }
      if (lengths instanceof LengthDistribution.Uniform u) {
        return "U(" + u.min() + "," + u.max() + ")";
      }
      return "D(" + ((LengthDistribution.Fixed) lengths).tokens() + ")";
    }

    private static String number(double value) {
      return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
  }

  /** The prompts (and reply lengths) of the benchmark's dataset, in a seeded order. */
  record FromDataset() implements TrafficScenario {
    @Override
    public String toString() {
      return DATASET;
    }
  }

  /**
   * Parses one scenario.
   *
   * @throws IllegalArgumentException naming the forms that are understood
   */
  static TrafficScenario parse(String text) {
    return ScenarioNotation.parse(text);
  }
}
