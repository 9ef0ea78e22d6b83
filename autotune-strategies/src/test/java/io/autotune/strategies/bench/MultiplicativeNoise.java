package io.autotune.strategies.bench;

/**
 * functions_dev.py's {@code noise_normal}: a standard normal that depends only on (seed, trial
 * number), by Box-Muller on two SplitMix64 words, so that noisy benchmark runs are reproducible and
 * the same in Python and Java.
 */
final class MultiplicativeNoise {
  private MultiplicativeNoise() {}

  /** The normal for trial {@code trial} (0, 1, ...) of the run with seed {@code seed}. */
  static double normal(long seed, long trial) {
    long a = mix(mix(seed) ^ trial);
    long b = mix(a);
    double u1 = ((a >>> 11) + 1) * 0x1.0p-53;
    double u2 = (b >>> 11) * 0x1.0p-53;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** SplitMix64's output function on the state advanced by its golden-ratio increment. */
  private static long mix(long state) {
    long z = state + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
