package io.autotune.examples.sim;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Paces the tokens of concurrent requests like a continuous-batching engine: at most {@code batch}
 * requests run at once (the rest queue), each waits its time to first token, and then the running
 * ones share the server's output rate equally. Time runs {@code timeScale} times faster than the
 * model's. Thread-safe.
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

  SimulatedEngine(ServingModel model, double timeScale) {
    this.slots = new Semaphore(Math.max(1, (int) Math.floor(model.batch())), true);
    this.tokensPerSecond = model.perGpuThroughput() * model.tpSize() * timeScale;
    this.ttftNanos = (long) (model.ttftSeconds() / timeScale * 1e9);
  }

  /** Produces {@code count} tokens for one request into {@code sink}. */
  void generate(int count, TokenSink sink) throws IOException, InterruptedException {
    slots.acquire();
    try {
      sleepNanos(ttftNanos);
      decoding.incrementAndGet();
      try {
        sink.tokens(1);
        decode(count - 1, sink);
      } finally {
        decoding.decrementAndGet();
      }
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
