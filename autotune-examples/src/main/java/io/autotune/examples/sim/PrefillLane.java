package io.autotune.examples.sim;

/**
 * Prefill, one request at a time: a request's uncached prompt tokens take {@code 1 /
 * tokensPerSecond} each, after the prefills admitted before it. The lane keeps its own clock rather
 * than sleeping back to back, so that sleep overshoot does not pile up along the queue.
 * Thread-safe.
 */
final class PrefillLane {

  private final PrefixCache cache;
  private final double tokensPerSecond;
  private long freeAtNanos = Long.MIN_VALUE;

  /** A lane computing {@code tokensPerSecond} (real time) behind {@code cache}. */
  PrefillLane(PrefixCache cache, double tokensPerSecond) {
    this.cache = cache;
    this.tokensPerSecond = tokensPerSecond;
  }

  /** Prefills {@code prompt}, waiting for its turn; returns the tokens the cache served. */
  int prefill(int[] prompt) throws InterruptedException {
    int cached;
    long doneAt;
    synchronized (this) {
      cached = cache.admit(prompt);
      long start = Math.max(System.nanoTime(), freeAtNanos);
      freeAtNanos = start + (long) ((prompt.length - cached) / tokensPerSecond * 1e9);
      doneAt = freeAtNanos;
    }
    long wait = doneAt - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    return cached;
  }
}
