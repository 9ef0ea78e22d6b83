package io.autotune.inference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** Keeps N requests in flight until a level's request or time budget is used up. */
final class LevelRunner implements AutoCloseable {

  private final StreamingRequest sender;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "autotune-load");
            thread.setDaemon(true);
            return thread;
          });

  LevelRunner(StreamingRequest sender) {
    this.sender = sender;
  }

  /** Runs a level whose samples are thrown away (warm-up). */
  void run(
      LoadGenerator.RequestFactory requests,
      int concurrency,
      int maxRequests,
      Duration maxTime,
      Instant deadline,
      BooleanSupplier cancelled)
      throws InterruptedException {
    if (maxRequests > 0) {
      run(requests, concurrency, maxRequests, maxTime, deadline, cancelled, new ArrayList<>());
    }
  }

  /** Runs a level, adds its samples to {@code samples}; returns its duration in seconds. */
  double run(
      LoadGenerator.RequestFactory requests,
      int concurrency,
      int maxRequests,
      Duration maxTime,
      Instant deadline,
      BooleanSupplier cancelled,
      List<RequestSample> samples)
      throws InterruptedException {
    List<RequestSample> collected = Collections.synchronizedList(samples);
    AtomicInteger started = new AtomicInteger();
    long startNanos = System.nanoTime();
    AtomicLong lastEnd = new AtomicLong(startNanos);
    Instant levelEnd = min(Instant.now().plus(maxTime), deadline);
    List<Callable<Void>> loops = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      loops.add(
          () -> {
            while (Instant.now().isBefore(levelEnd)
                && !cancelled.getAsBoolean()
                && started.getAndIncrement() < maxRequests) {
              Duration timeout =
                  min(requests.requestTimeout(), Duration.between(Instant.now(), deadline));
              if (timeout.isNegative() || timeout.isZero()) {
                return null;
              }
              collected.add(
                  sender.send(requests.request(timeout), requests.promptTokens(), timeout));
              lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
            }
            return null;
          });
    }
    try {
      workers.invokeAll(loops);
    } catch (InterruptedException e) {
      workers.shutdownNow();
      throw e;
    }
    return (lastEnd.get() - startNanos) / 1e9;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
