package io.autotune.inference;

import io.autotune.spi.Phase;
import io.autotune.testing.FakeExperimentContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** What the server runners' tests share: the scripted server as a command, a small benchmark. */
final class ScriptedServers {

  /** {@link ScriptedServer} as a child JVM on {@code {port}}. */
  static final List<String> COMMAND =
      List.of(
          "{java}",
          "-cp",
          "{classpath}",
          "io.autotune.inference.ScriptedServer",
          "--port",
          "{port}");

  /** A benchmark of a few seconds. */
  static final BenchmarkSpec SMALL_BENCHMARK =
      BenchmarkSpec.builder()
          .trafficScenarios(List.of("D(8,4)"))
          .concurrency(List.of(1, 2))
          .warmupRequests(1)
          .levelBounds(Duration.ofSeconds(10), 4)
          .requestTimeout(Duration.ofSeconds(10))
          .build();

  /** A benchmark that runs for minutes unless stopped. */
  static final BenchmarkSpec ENDLESS_BENCHMARK =
      SMALL_BENCHMARK.toBuilder().levelBounds(Duration.ofMinutes(5), 100_000).build();

  private ScriptedServers() {}

  /** Runs {@code action} one second after the experiment reaches its benchmark. */
  static void oneSecondIntoTheBenchmark(FakeExperimentContext context, Runnable action) {
    context.onPhase =
        phase -> {
          if (phase == Phase.BENCHMARKING) {
            new Thread(
                    () -> {
                      sleepQuietly(1000);
                      action.run();
                    })
                .start();
          }
        };
  }

  /**
   * Runs {@code experiment} on a thread of its own, interrupts that thread one second into the
   * benchmark, and returns what the experiment threw once the thread ended (within a minute).
   */
  static Throwable interruptedOneSecondIntoTheBenchmark(
      FakeExperimentContext context, Callable<?> experiment) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                experiment.call();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    oneSecondIntoTheBenchmark(context, thread::interrupt);
    thread.start();
    thread.join(60_000);
    if (thread.isAlive()) {
      throw new AssertionError("the interrupted experiment is still running after a minute");
    }
    return thrown.get();
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
