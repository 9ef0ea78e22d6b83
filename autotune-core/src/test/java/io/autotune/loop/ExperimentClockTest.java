package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.FakeExperimentContext;
import io.autotune.testing.MutableClock;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment has one clock: the loop's, which its deadline and remaining() follow. */
class ExperimentClockTest {
  @TempDir Path work;
  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");

  @Test
  void remainingIsTheTimeLeftBeforeTheDeadlineByTheContextsClock() {
    FakeExperimentContext context =
        new FakeExperimentContext(
            Map.of(),
            Duration.ofMinutes(10),
            work,
            List.of(),
            io.autotune.model.Objective.maximize("throughput"),
            clock);

    assertThat(context.remaining()).isEqualTo(Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(4));
    assertThat(context.remaining()).isEqualTo(Duration.ofMinutes(6));
    clock.advance(Duration.ofMinutes(7));
    assertThat(context.remaining()).isZero();
  }

  @Test
  void aRunnerSeesTheLoopsClockAndItsDeadline() {
    List<Clock> clocks = new CopyOnWriteArrayList<>();
    List<Duration> remaining = new CopyOnWriteArrayList<>();
    ScriptedRunner runner =
        new ScriptedRunner(
            c -> {
              clocks.add(c.clock());
              remaining.add(c.remaining());
              clock.advance(Duration.ofSeconds(100));
              remaining.add(c.remaining());
              return Map.of("value", 1.0);
            });
    Tuner.builder()
        .store(CheckpointStore.inMemory(clock, Duration.ofSeconds(5)))
        .runner(runner)
        .strategy(new SampleStrategy())
        .clock(clock)
        .leaseTtl(Duration.ofHours(1))
        .workDirectory(work)
        .build()
        .run(
            TestSpecs.simple("clock")
                .withMaxExperiments(1)
                .withExperimentTimeout(Duration.ofSeconds(300)));

    assertThat(clocks).containsExactly(clock);
    assertThat(remaining).containsExactly(Duration.ofSeconds(300), Duration.ofSeconds(200));
  }
}
