package io.autotune.strategies;

/**
 * A seeded pseudo-random permutation of 0 .. n-1 that is computed index by index, so a grid of
 * billions of points can be visited in shuffled order without being materialised: a four-round
 * Feistel network on the smallest even number of bits that holds n, with cycle walking to stay
 * below n. Immutable and thread-safe.
 */
final class IndexPermutation {
  private static final int ROUNDS = 4;

  private final long n;
  private final int halfBits;
  private final long halfMask;
  private final long[] keys = new long[ROUNDS];

  IndexPermutation(long n, long seed) {
    if (n < 1 || n > Grid.MAX_SIZE) {
      throw new IllegalArgumentException("n must be in [1, 2^62], but was " + n);
    }
    this.n = n;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(n - 1));
    this.halfBits = (bits + 1) / 2;
    this.halfMask = (1L << halfBits) - 1;
    long state = seed;
    for (int i = 0; i < ROUNDS; i++) {
      state += 0x9E3779B97F4A7C15L;
      keys[i] = mix(state);
    }
  }

  /** The index at position {@code i} of the shuffled order. */
  long apply(long i) {
    long x = i;
    do {
      x = feistel(x);
    } while (x >= n);
    return x;
  }

  private long feistel(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (long key : keys) {
      long next = left ^ (mix(right ^ key) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }

  /** SplitMix64's finaliser: a strong 64-bit mixing function. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
