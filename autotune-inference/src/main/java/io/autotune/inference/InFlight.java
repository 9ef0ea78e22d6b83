package io.autotune.inference;

import java.io.Closeable;
import java.io.IOException;
import java.util.OptionalDouble;

/**
 * A request on its way: when it was sent and when its first token came (-1 until then), so that a
 * level can see a request that is already too slow before it ends; and its response stream, so that
 * a level that stops can hang up on it. Thread-safe.
 */
final class InFlight {

  private final long startNanos = System.nanoTime();
  private volatile long firstTokenNanos = -1;
  private Closeable stream;
  private boolean aborted;

  long startNanos() {
    return startNanos;
  }

  void firstToken(long nanos) {
    if (firstTokenNanos < 0) {
      firstTokenNanos = nanos;
    }
  }

  /** Seconds from sending to the first token, once it came. */
  OptionalDouble ttft() {
    long first = firstTokenNanos;
    return first < 0 ? OptionalDouble.empty() : OptionalDouble.of((first - startNanos) / 1e9);
  }

  /** Seconds since it was sent. */
  double elapsed(long nowNanos) {
    return (nowNanos - startNanos) / 1e9;
  }

  /** The response stream being read; closed at once if the request was already aborted. */
  void streaming(Closeable response) {
    boolean closeNow;
    synchronized (this) {
      stream = response;
      closeNow = aborted;
    }
    if (closeNow) {
      closeQuietly(response);
    }
  }

  /**
   * Hangs up: closes the response stream, which closes the connection, so that the server aborts
   * the request (vLLM and SGLang do on a disconnect) instead of serving it into the next level. The
   * JDK client does not do it on an interrupt while the body is read.
   */
  void abort() {
    Closeable open;
    synchronized (this) {
      aborted = true;
      open = stream;
    }
    if (open != null) {
      closeQuietly(open);
    }
  }

  private static void closeQuietly(Closeable stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // the connection is gone either way
    }
  }
}
