package io.autotune.examples.sim;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paces the tokens of concurrent requests like a continuous-batching engine: at most {@code batch}
 * requests run at once (the rest queue), each has its uncached prompt tokens prefilled in the one
 * {@link PrefillLane} and waits its time to first token, and then the running ones share the
 * server's output rate equally. Time runs {@code timeScale} times faster than the model's.
 * Thread-safe.
 */
final class SimulatedEngine {

  /** Receives the tokens of one request as they are produced. */
  interface TokenSink {
    void tokens(int count) throws IOException;
  }

  // at most 50 chunks a second per stream: a 2-core machine must keep up with many streams
  private static final long MIN_TICK_NANOS = 20_000_000L;

  private final Semaphore slots;
  private final AtomicInteger decoding = new AtomicInteger();
  private final double tokensPerSecond;
  private final long ttftNanos;
  private final PrefillLane prefill;

  /** An engine for {@code model}, with the radix cache on or off. */
  SimulatedEngine(ServingModel model, double timeScale, boolean radixCache) {
    // the radix cache lives in the KV cache, so it holds as many pages as that
    int pages = radixCache ? (int) (model.kvCache() * 1000 / PrefixCache.PAGE) : 0;
    this.prefill =
        new PrefillLane(new PrefixCache(pages), model.prefillTokensPerSecond() * timeScale);
    this.slots = new Semaphore(Math.max(1, (int) Math.floor(model.batch())), true);
    this.tokensPerSecond = model.perGpuThroughput() * model.tpSize() * timeScale;
    this.ttftNanos = (long) (model.ttftSeconds() / timeScale * 1e9);
  }

  /**
   * Produces {@code count} tokens for one request with {@code prompt} into {@code sink}; returns
   * the prompt tokens the prefix cache served.
   */
  int generate(int[] prompt, int count, TokenSink sink) throws IOException, InterruptedException {
    slots.acquire();
    try {
      int cached = prefill.prefill(prompt);
      sleepNanos(ttftNanos);
      decoding.incrementAndGet();
      try {
        sink.tokens(1);
        decode(count - 1, sink);
      } finally {
        decoding.decrementAndGet();
      }
      return cached;
    } finally {
      slots.release();
    }
  }

  private void decode(int remaining, TokenSink sink) throws IOException, InterruptedException {
    double credit = 0;
    long last = System.nanoTime();
    while (remaining > 0) {
      double perStream = tokensPerSecond / Math.max(1, decoding.get());
      // a chunk per tick, but no longer than the rest of the request takes, nor shorter than a
      // token
      double untilDone = remaining / perStream;
      double untilToken = (1 - credit) / perStream;
      sleepNanos((long) (Math.max(untilToken, Math.min(MIN_TICK_NANOS / 1e9, untilDone)) * 1e9));
      long now = System.nanoTime();
      credit += (now - last) / 1e9 * tokensPerSecond / Math.max(1, decoding.get());
      last = now;
      int produced = (int) Math.min(Math.floor(credit), remaining);
      if (produced > 0) {
        sink.tokens(produced);
        credit -= produced;
        remaining -= produced;
      }
    }
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }
}
