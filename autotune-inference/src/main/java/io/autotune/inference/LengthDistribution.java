package io.autotune.inference;

import java.util.random.RandomGenerator;

/**
 * How many tokens a request's prompt or output has, in genai-bench's notation: deterministic {@code
 * D}, normal {@code N(mean,std)} (rounded, at least 1) or uniform {@code U(min,max)} (both ends
 * included). Immutable.
 */
public sealed interface LengthDistribution {

  /** Draws one length, at least 1. */
  int sample(RandomGenerator random);

  /** The mean length asked for (before rounding and clamping at 1). */
  double mean();

  /** Every request has {@code tokens} tokens. */
  record Fixed(int tokens) implements LengthDistribution {
    public Fixed {
      requireAtLeastOne("tokens", tokens);
    }

    @Override
    public int sample(RandomGenerator random) {
      return tokens;
    }

    @Override
    public double mean() {
      return tokens;
    }
  }

  /** Normally distributed lengths, rounded to whole tokens and at least 1. */
  record Normal(double mean, double std) implements LengthDistribution {
    public Normal {
      if (!(mean >= 1) || !Double.isFinite(mean)) {
        throw new IllegalArgumentException("mean must be at least 1, but was " + mean);
      }
      if (!(std >= 0) || !Double.isFinite(std)) {
        throw new IllegalArgumentException("std must be at least 0, but was " + std);
      }
    }

    @Override
    public int sample(RandomGenerator random) {
      return (int) Math.max(1, Math.round(random.nextGaussian(mean, std)));
    }
  }

  /** Uniformly distributed lengths from {@code min} to {@code max}, both included. */
  record Uniform(int min, int max) implements LengthDistribution {
    public Uniform {
      requireAtLeastOne("min", min);
      if (max < min) {
        throw new IllegalArgumentException("max " + max + " is less than min " + min);
      }
    }

    @Override
    public int sample(RandomGenerator random) {
      return random.nextInt(min, max + 1);
    }

    @Override
    public double mean() {
      return (min + max) / 2.0;
    }
  }

  private static void requireAtLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
    }
  }
}
