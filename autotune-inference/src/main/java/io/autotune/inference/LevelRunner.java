package io.autotune.inference;

import io.autotune.internal.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs one level: a closed loop keeps {@code concurrency} requests in flight; an open loop starts
 * requests at Poisson arrival times (exponential gaps from a seeded stream), at most {@code
 * maxConcurrency} in flight. Either starts requests until the level's request or time budget is
 * used up, then lets the requests in flight finish. Every {@value #CHECK_MILLIS} ms it checks the
 * cancellation signal, the deadline and the SLO evidence; if any says stop, the requests in flight
 * are abandoned (interrupted) and not counted. Not thread-safe: one level at a time.
 */
final class LevelRunner implements AutoCloseable {

  static final long CHECK_MILLIS = 20;
  // after hanging up on a stopped level's requests: time for the server to notice and abort them,
  // so that they do not load the next level
  private static final long SETTLE_MILLIS = 250;

  private final StreamingRequest sender;
  private final RequestBodies bodies;
  private final Duration requestTimeout;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(DaemonThreads.named("autotune-load-"));

  LevelRunner(StreamingRequest sender, RequestBodies bodies, Duration requestTimeout) {
    this.sender = sender;
    this.bodies = bodies;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Runs {@code plan} with requests from {@code planner}.
   *
   * @param arrivals seeds the open loop's arrival times
   * @throws InterruptedException if this thread is interrupted
   */
  LevelOutcome run(
      RequestPlanner planner,
      LevelPlan plan,
      Deadline deadline,
      BooleanSupplier cancelled,
      long arrivals)
      throws InterruptedException {
    Level level = new Level(planner, plan, deadline.atMost(plan.maxTime()), deadline, cancelled);
    try {
      if (plan.load().isOpenLoop()) {
        level.dispatchOpenLoop(new SplittableRandom(arrivals));
      } else {
        for (int i = 0; i < plan.load().concurrency(); i++) {
          level.futures.add(workers.submit(level::closedLoop));
        }
      }
      level.awaitInFlight();
    } finally {
      level.abandon(); // after an interrupt too: no request may outlive its level
    }
    if (level.hungUp) {
      Thread.sleep(SETTLE_MILLIS);
    }
    return level.outcome();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** The state of one running level. */
  private final class Level {
    final RequestPlanner planner;
    final LevelPlan plan;
    final Deadline startUntil;
    final Deadline deadline;
    final BooleanSupplier cancelled;
    final long startNanos = System.nanoTime();
    final AtomicLong lastEnd = new AtomicLong(startNanos);
    final AtomicInteger started = new AtomicInteger();
    final List<RequestSample> samples = Collections.synchronizedList(new ArrayList<>());
    final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    final List<Future<?>> futures = Collections.synchronizedList(new ArrayList<>());
    volatile boolean stopped;
    volatile Optional<String> stoppedEarly = Optional.empty();
    boolean hungUp; // on requests in flight, when the level was abandoned

    Level(
        RequestPlanner planner,
        LevelPlan plan,
        Deadline startUntil,
        Deadline deadline,
        BooleanSupplier cancelled) {
      this.planner = planner;
      this.plan = plan;
      this.startUntil = startUntil;
      this.deadline = deadline;
      this.cancelled = cancelled;
    }

    /** One closed-loop client: the next request as soon as the last one ends. */
    void closedLoop() {
      while (mayStart() && started.getAndIncrement() < plan.maxRequests()) {
        send(planner.next());
      }
    }

    void dispatchOpenLoop(SplittableRandom random) throws InterruptedException {
      double rate = plan.load().value();
      Semaphore slots = new Semaphore(plan.maxConcurrency().orElse(Integer.MAX_VALUE));
      long next = System.nanoTime();
      while (started.get() < plan.maxRequests()) {
        next += (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
        while (System.nanoTime() < next && check()) {
          sleepUntil(next);
        }
        if (!mayStart() || !acquire(slots)) {
          return;
        }
        started.incrementAndGet();
        PlannedRequest planned = planner.next();
        futures.add(
            workers.submit(
                () -> {
                  try {
                    send(planned);
                  } finally {
                    slots.release();
                  }
                }));
      }
    }

    void awaitInFlight() throws InterruptedException {
      while (check()) {
        if (futures.stream().allMatch(Future::isDone)) {
          return;
        }
        Thread.sleep(CHECK_MILLIS);
      }
    }

    /** Whether the level goes on; stops it (and says why, for evidence) when it must not. */
    boolean check() {
      if (stopped) {
        return false;
      }
      if (cancelled.getAsBoolean() || deadline.passed()) {
        stopped = true;
        return false;
      }
      List<RequestSample> finished;
      synchronized (samples) {
        finished = List.copyOf(samples);
      }
      stoppedEarly =
          plan.evidence().verdict(finished, inFlight, plan.maxRequests(), System.nanoTime());
      stopped = stoppedEarly.isPresent();
      return !stopped;
    }

    boolean mayStart() {
      return !stopped && !startUntil.passed() && !cancelled.getAsBoolean();
    }

    void send(PlannedRequest planned) {
      Duration timeout = min(requestTimeout, deadline.remaining());
      if (timeout.isZero()) {
        return;
      }
      InFlight request = new InFlight();
      inFlight.add(request);
      try {
        RequestSample sample =
            sender.send(bodies.request(planned, timeout), planned.promptTokens(), timeout, request);
        if (!stopped) {
          samples.add(sample);
          lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // abandoned with its level
      } finally {
        inFlight.remove(request);
      }
    }

    void abandon() {
      stopped = true;
      synchronized (futures) {
        futures.forEach(future -> future.cancel(true));
      }
      hungUp = !inFlight.isEmpty();
      inFlight.forEach(InFlight::abort);
    }

    LevelOutcome outcome() {
      synchronized (samples) {
        return new LevelOutcome(samples, (lastEnd.get() - startNanos) / 1e9, stoppedEarly);
      }
    }

    private boolean acquire(Semaphore slots) throws InterruptedException {
      while (check()) {
        if (slots.tryAcquire(CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    }

    private void sleepUntil(long nanos) throws InterruptedException {
      long wait = Math.min(nanos - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS));
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
