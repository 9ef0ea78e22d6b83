package io.autotune.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.InvalidTaskException;
import io.autotune.Tuner;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.ExperimentRunner;
import io.autotune.testing.MutableClock;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTest {
  @TempDir Path work;
  private final CheckpointStore store = CheckpointStore.inMemory();

  private Worker worker(ExperimentRunner runner, int slots) {
    return worker(store, runner, slots);
  }

  private Worker worker(CheckpointStore store, ExperimentRunner runner, int slots) {
    Tuner tuner =
        Tuner.builder()
            .store(store)
            .runner(runner)
            .strategy(new SampleStrategy())
            .workDirectory(work)
            .leaseTtl(Duration.ofSeconds(3))
            .killGrace(Duration.ofSeconds(1))
            .build();
    return Worker.builder()
        .tuner(tuner)
        .slots(slots)
        .leaseTtl(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(20))
        .heartbeatInterval(Duration.ofMillis(200))
        .build();
  }

  @Test
  void runsEveryRunnableTaskToTheEndWithAtMostSlotsAtOnce() throws Exception {
    for (int i = 0; i < 5; i++) {
      store.createTask(TestSpecs.simple("t" + i).withMaxExperiments(4).withSeed(i));
    }
    ScriptedRunner runner =
        new ScriptedRunner(
            c -> {
              Thread.sleep(10);
              return Map.of("value", c.configuration().getDouble("x"));
            });
    try (Worker worker = worker(runner, 2).start()) {
      await(() -> store.tasks().stream().allMatch(t -> t.status().isFinal()));
    }
    assertThat(store.tasks()).extracting(Task::status).containsOnly(TaskStatus.COMPLETED);
    assertThat(runner.calls()).isEqualTo(20);
    assertThat(runner.maxConcurrent()).isBetween(1, 2);
  }

  @Test
  void closingAbandonsTheRunningExperimentReleasesTheLeaseAndRecordsTheStop() throws Exception {
    Task task = store.createTask(TestSpecs.simple("long").withMaxExperiments(3).withSeed(1));
    ScriptedRunner runner =
        new ScriptedRunner(
            c -> {
              while (!c.isCancelled()) {
                Thread.sleep(5);
              }
              return Map.of("value", 1.0);
            });
    Worker worker = worker(runner, 1).start();
    await(() -> runner.calls() == 1);
    worker.close();

    Task after = store.task(task.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(after.owner()).as("the lease is released").isEmpty();
    assertThat(store.experiments(task.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.ABANDONED));
    assertThat(store.workers())
        .filteredOn(w -> w.id().equals(worker.id()))
        .singleElement()
        .satisfies(w -> assertThat(w.stoppedAt()).isPresent());
  }

  @Test
  void aTaskThatCannotStartIsFailedInsteadOfClaimedForever() throws Exception {
    Task task = store.createTask(TestSpecs.simple("broken").withSeed(1));
    Tuner tuner =
        Tuner.builder()
            .store(store)
            .runners(
                spec -> {
                  throw new InvalidTaskException("runner", "is required");
                })
            .strategy(new SampleStrategy())
            .workDirectory(work)
            .build();
    try (Worker worker =
        Worker.builder().tuner(tuner).pollInterval(Duration.ofMillis(20)).build().start()) {
      await(() -> store.task(task.id()).orElseThrow().status().isFinal());
    }
    assertThat(store.task(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
  }

  @Test
  void aTaskWhoseRunsKeepFailingIsFailedAfterThreeAttempts() throws Exception {
    Task task = store.createTask(TestSpecs.simple("flaky").withSeed(1));
    AtomicInteger attempts = new AtomicInteger();
    Tuner tuner =
        Tuner.builder()
            .store(store)
            .runners(
                spec -> {
                  attempts.incrementAndGet();
                  throw new IllegalStateException("a bug");
                })
            .strategy(new SampleStrategy())
            .workDirectory(work)
            .build();
    try (Worker worker =
        Worker.builder().tuner(tuner).pollInterval(Duration.ofMillis(20)).build().start()) {
      await(() -> store.task(task.id()).orElseThrow().status().isFinal());
    }
    assertThat(store.task(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(attempts).hasValue(3);
  }

  @Test
  void orphansOfADeadWorkerOfThisHostAreKilledOnStartAndALiveWorkersAreNot() throws Exception {
    Process orphan = Orphans.sleeper();
    Process protectedChild = Orphans.sleeper();
    try {
      WorkerInfo dead = Orphans.deadWorker();
      WorkerInfo alive = Orphans.thisProcessAsWorker("alive-worker");
      Orphans.recordRunningExperiment(store, dead, orphan);
      Orphans.recordRunningExperiment(store, alive, protectedChild);

      // both tasks stay leased for minutes: the worker claims nothing, it only reaps
      try (Worker worker = worker(ScriptedRunner.value(c -> 1.0), 1).start()) {
        await(() -> !orphan.isAlive());
      }
      assertThat(orphan.isAlive()).isFalse();
      assertThat(protectedChild.isAlive()).isTrue();
    } finally {
      orphan.destroyForcibly();
      protectedChild.destroyForcibly();
    }
  }

  @Test
  void aWorkerMarksTheExperimentsOfAnOwnerWhoseLeaseExpiredBeforeTheTaskCanBeClaimed()
      throws Exception {
    MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
    CheckpointStore clocked = CheckpointStore.inMemory(clock, Duration.ofMinutes(10));
    Process child = Orphans.sleeper();
    try {
      Orphans.recordRunningExperiment(clocked, Orphans.thisProcessAsWorker("gone"), child);
      Task task = clocked.tasks().get(0);
      clock.advance(Duration.ofMinutes(6)); // the 5 min lease expired; the grace has not passed
      try (Worker worker = worker(clocked, ScriptedRunner.value(c -> 1.0), 1).start()) {
        await(() -> clocked.experiments(task.id()).get(0).status().isFinal());
      }
      assertThat(clocked.experiments(task.id()).get(0).status())
          .isEqualTo(ExperimentStatus.ABANDONED);
      assertThat(clocked.task(task.id()).orElseThrow().owner())
          .as("not claimed within the grace")
          .contains("gone");
      assertThat(child.isAlive()).as("its owner's host was alive: nothing to reap").isTrue();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void theProcessesOfAnExperimentAReaderMarkedAbandonedAreStillReaped() throws Exception {
    MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
    CheckpointStore clocked = CheckpointStore.inMemory(clock, Duration.ofMinutes(10));
    Process orphan = Orphans.sleeper();
    try {
      Orphans.recordRunningExperiment(clocked, Orphans.deadWorker(), orphan);
      clock.advance(Duration.ofMinutes(6));
      assertThat(clocked.abandonDeadOwners()).hasSize(1); // as `status` does; it kills nothing
      assertThat(orphan.isAlive()).isTrue();
      try (Worker worker = worker(clocked, ScriptedRunner.value(c -> 1.0), 1).start()) {
        await(() -> !orphan.isAlive());
      }
    } finally {
      orphan.destroyForcibly();
    }
  }

  @Test
  void heartbeatsAreStampedByTheTunersClock() throws Exception {
    MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
    Tuner tuner =
        Tuner.builder()
            .store(store)
            .runner(ScriptedRunner.value(c -> 1.0))
            .strategy(new SampleStrategy())
            .workDirectory(work)
            .clock(clock)
            .build();
    Worker worker =
        Worker.builder()
            .tuner(tuner)
            .pollInterval(Duration.ofMillis(20))
            .heartbeatInterval(Duration.ofMillis(50))
            .build()
            .start();
    await(() -> !store.workers().isEmpty());
    clock.advance(Duration.ofMinutes(5));
    worker.close();

    WorkerInfo info = store.workers().get(0);
    assertThat(info.lastHeartbeat()).isEqualTo(Instant.parse("2026-03-01T10:05:00Z"));
    assertThat(info.stoppedAt()).contains(Instant.parse("2026-03-01T10:05:00Z"));
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(10);
    }
  }
}
