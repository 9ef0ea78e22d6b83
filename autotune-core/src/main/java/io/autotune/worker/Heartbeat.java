package io.autotune.worker;

import io.autotune.internal.DaemonThreads;
import io.autotune.internal.Hosts;
import io.autotune.model.WorkerInfo;
import io.autotune.spi.CheckpointStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the worker's row in the store fresh, so that operators (and the dashboard) see who is
 * alive. The start time is the JVM's, which is what tells this process from a later one with the
 * same pid. Thread-safe.
 */
final class Heartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
  private final CheckpointStore store;
  private final String workerId;
  private final Duration interval;
  private final Clock clock;
  private final Instant startedAt;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("autotune-heartbeat-"));

  Heartbeat(CheckpointStore store, String workerId, Duration interval, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.startedAt = processStart(clock);
    this.workerId = workerId;
    this.interval = interval;
  }

  void start() {
    long ms = interval.toMillis();
    // no need for the future: stop() shuts the timer down, and beat handles its failures
    var unused =
        timer.scheduleWithFixedDelay(() -> beat(Optional.empty()), 0, ms, TimeUnit.MILLISECONDS);
  }

  /** Stops beating and records the worker as stopped. */
  void stop() {
    timer.shutdownNow();
    beat(Optional.of(clock.instant()));
  }

  private void beat(Optional<Instant> stoppedAt) {
    try {
      store.heartbeat(
          new WorkerInfo(
              workerId,
              Hosts.localName(),
              ProcessHandle.current().pid(),
              startedAt,
              clock.instant(),
              stoppedAt));
    } catch (RuntimeException e) {
      LOG.warn("worker {}: heartbeat failed, will retry: {}", workerId, e.getMessage());
    }
  }

  static Instant processStart(Clock clock) {
    return ProcessHandle.current().info().startInstant().orElseGet(clock::instant);
  }
}
