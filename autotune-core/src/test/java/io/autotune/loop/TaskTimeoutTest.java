package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.CrashingStore;
import io.autotune.testing.MutableClock;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code task_timeout} is a safety net on the whole task: it counts from the task's first start,
 * across every owner, so neither a resume nor a takeover restarts it. Each experiment moves the
 * injected clock forward by hand; the runner takes no real time.
 */
class TaskTimeoutTest {
  @TempDir Path work;
  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final Duration TASK_TIMEOUT = Duration.ofSeconds(100);
  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private final Instant start = clock.instant();
  private final CheckpointStore store = CheckpointStore.inMemory(clock, GRACE);
  private final AtomicReference<Tuner> stopAtThree = new AtomicReference<>();

  private final TaskSpec spec =
      TestSpecs.simple("deadline").withMaxExperiments(50).withSeed(7).withTaskTimeout(TASK_TIMEOUT);

  /** Each experiment takes {@code step} of the clock's time. */
  private ScriptedRunner taking(Duration step) {
    return new ScriptedRunner(
        c -> {
          clock.advance(step);
          Tuner stopping = stopAtThree.get();
          if (c.number() == 3 && stopping != null) {
            stopping.stop();
          }
          return Map.of("value", c.configuration().getDouble("x"));
        });
  }

  private Tuner tuner(CheckpointStore store, ScriptedRunner runner, Duration ttl) {
    return Tuner.builder()
        .store(store)
        .runner(runner)
        .strategy(new SampleStrategy())
        .clock(clock)
        .leaseTtl(ttl)
        .workDirectory(work)
        .build();
  }

  @Test
  void aResumedTaskKeepsTheDeadlineOfItsFirstStart() {
    String taskId = store.createTask(spec).id();
    Tuner first = tuner(store, taking(Duration.ofSeconds(10)), Duration.ofMinutes(10));
    stopAtThree.set(first);
    assertThat(first.resume(taskId).status()).isEqualTo(TaskStatus.RUNNING);
    stopAtThree.set(null);
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(30));

    TuningResult resumed =
        tuner(store, taking(Duration.ofSeconds(10)), Duration.ofMinutes(10)).resume(taskId);

    assertThat(resumed.status()).isEqualTo(TaskStatus.COMPLETED);
    List<Instant> created = resumed.experiments().stream().map(Experiment::createdAt).toList();
    assertThat(created).allSatisfy(at -> assertThat(at).isBefore(start.plus(TASK_TIMEOUT)));
    assertThat(created.get(created.size() - 1))
        .as("it ran up to the first start's deadline, not only until the first owner stopped")
        .isEqualTo(start.plusSeconds(90));
  }

  @Test
  void aTaskResumedAfterItsDeadlinePassedRunsNothingMoreAndEnds() {
    String taskId = store.createTask(spec).id();
    Tuner first = tuner(store, taking(Duration.ofSeconds(10)), Duration.ofMinutes(10));
    stopAtThree.set(first);
    first.resume(taskId);
    stopAtThree.set(null);
    int before = store.experiments(taskId).size();

    clock.advance(Duration.ofSeconds(200));
    ScriptedRunner second = taking(Duration.ofSeconds(10));
    TuningResult resumed = tuner(store, second, Duration.ofMinutes(10)).resume(taskId);

    assertThat(second.calls()).isZero();
    assertThat(resumed.experiments()).hasSize(before);
    assertThat(resumed.status()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void aTaskTakenOverAfterItsOwnerDiedKeepsTheDeadlineOfItsFirstStart() {
    Duration ttl = Duration.ofSeconds(60);
    String taskId = store.createTask(spec).id();
    Throwable crash =
        catchThrowable(
            () ->
                tuner(new CrashingStore(store, 3), taking(Duration.ofSeconds(5)), ttl)
                    .resume(taskId));
    assertThat(crash).isInstanceOf(CrashingStore.Crash.class);
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(15));

    clock.advance(ttl.plus(GRACE)); // the dead owner's lease expires: 80 s since the first start
    TuningResult takenOver = tuner(store, taking(Duration.ofSeconds(5)), ttl).resume(taskId);

    assertThat(takenOver.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(takenOver.experiments())
        .filteredOn(e -> !e.workerId().equals(takenOver.experiments().get(0).workerId()))
        .extracting(Experiment::createdAt)
        .containsExactly(
            start.plusSeconds(80),
            start.plusSeconds(85),
            start.plusSeconds(90),
            start.plusSeconds(95));
  }
}
