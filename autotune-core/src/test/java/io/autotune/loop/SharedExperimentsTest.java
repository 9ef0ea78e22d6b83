package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.LeaseLostException;
import io.autotune.Tuner;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.ExperimentRunner;
import io.autotune.testing.FakeGpuMonitor;
import io.autotune.testing.MutableClock;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import io.autotune.worker.Worker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments of one task run by several workers at once, each under its own lease. */
class SharedExperimentsTest {
  @TempDir Path work;

  private Tuner tuner(CheckpointStore store, ExperimentRunner runner, String id, Clock clock) {
    return Tuner.builder()
        .store(store)
        .runner(runner)
        .strategy(new SampleStrategy())
        .workDirectory(work.resolve(id))
        .workerId(id)
        .clock(clock)
        .leaseTtl(Duration.ofSeconds(3))
        .killGrace(Duration.ofSeconds(1))
        .build();
  }

  private Worker worker(CheckpointStore store, ExperimentRunner runner, String id, int slots) {
    return Worker.builder()
        .tuner(tuner(store, runner, id, Clock.systemUTC()))
        .slots(slots)
        .leaseTtl(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(20))
        .heartbeatInterval(Duration.ofMillis(200))
        .build();
  }

  /** Counts {@code started} down, then runs until its experiment is cancelled. */
  private static ScriptedRunner untilCancelled(CountDownLatch started) {
    return new ScriptedRunner(
        c -> {
          started.countDown();
          while (!c.isCancelled()) {
            Thread.sleep(5);
          }
          return Map.of("value", 1.0);
        });
  }

  private static ScriptedRunner sleeping(int millis) {
    return new ScriptedRunner(
        c -> {
          Thread.sleep(millis);
          return Map.of("value", c.configuration().getDouble("x"));
        });
  }

  @Test
  void twoWorkersRunExperimentsOfOneTaskAtOnceWithoutDuplicates() throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    Task task = store.createTask(TestSpecs.simple("shared").withMaxExperiments(12).withSeed(3));
    ScriptedRunner runner = sleeping(40);
    try (Worker a = worker(store, runner, "worker-a", 2).start();
        Worker b = worker(store, runner, "worker-b", 2).start()) {
      assertThat(a.slots()).isEqualTo(2);
      await(() -> store.task(task.id()).orElseThrow().status().isFinal());
    }
    List<Experiment> log = store.experiments(task.id());
    assertThat(store.task(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(log).hasSize(12).allMatch(e -> e.status() == ExperimentStatus.SUCCEEDED);
    assertThat(log.stream().map(Experiment::number).collect(Collectors.toSet())).hasSize(12);
    assertThat(log.stream().map(Experiment::workerId).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("worker-a", "worker-b");
    assertThat(runner.maxConcurrent()).isGreaterThan(1);
  }

  @Test
  void theTasksParallelismCapsItsExperimentsAcrossWorkers() throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    TaskSpec spec =
        TestSpecs.simple("one-at-a-time").toBuilder()
            .maxExperiments(6)
            .parallelism(OptionalInt.of(1))
            .build();
    Task task = store.createTask(spec);
    ScriptedRunner runner = sleeping(30);
    try (Worker a = worker(store, runner, "worker-a", 2).start();
        Worker b = worker(store, runner, "worker-b", 2).start()) {
      await(() -> store.task(task.id()).orElseThrow().status().isFinal());
    }
    assertThat(store.experiments(task.id())).hasSize(6);
    assertThat(runner.maxConcurrent()).isEqualTo(1);
  }

  @Test
  void cancellingTheTaskStopsItsSharedExperimentsAndEndsIt() throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    Task task = store.createTask(TestSpecs.simple("cancelled").withMaxExperiments(10));
    CountDownLatch started = new CountDownLatch(2);
    ScriptedRunner runner = untilCancelled(started);
    try (Worker a = worker(store, runner, "worker-a", 2).start()) {
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      store.requestCancel(task.id());
      await(() -> store.task(task.id()).orElseThrow().status().isFinal());
    }
    assertThat(store.task(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(store.experiments(task.id()))
        .hasSize(2)
        .allMatch(e -> e.status() == ExperimentStatus.FAILED)
        .allMatch(e -> e.error().orElse("").contains("cancelled"));
  }

  @Test
  void aWorkerWhoseExperimentLeaseExpiredStopsItAndWritesNothing() throws Exception {
    MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
    CheckpointStore store = CheckpointStore.inMemory(clock, Duration.ofSeconds(1));
    Task task = store.createTask(TestSpecs.simple("stolen").withMaxExperiments(3).withSeed(1));
    CountDownLatch running = new CountDownLatch(1);
    ScriptedRunner slow = untilCancelled(running);
    Tuner frozen = tuner(store, slow, "frozen", clock);
    Tuner other = tuner(store, sleeping(1), "other", clock);

    ExperimentLease lease = frozen.propose(task.id()).orElseThrow();
    CompletableFuture<Experiment> run =
        CompletableFuture.supplyAsync(() -> frozen.runExperiment(lease));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    clock.advance(Duration.ofSeconds(10)); // the lease and its grace pass without a renewal
    ExperimentLease next = other.propose(task.id()).orElseThrow();

    assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LeaseLostException.class);
    Experiment abandoned = store.experiments(task.id()).get(lease.number() - 1);
    assertThat(abandoned.status()).isEqualTo(ExperimentStatus.ABANDONED);
    assertThat(next.number()).isNotEqualTo(lease.number());
    assertThat(other.runExperiment(next).status()).isEqualTo(ExperimentStatus.SUCCEEDED);
    Set<Integer> numbers =
        store.experiments(task.id()).stream().map(Experiment::number).collect(Collectors.toSet());
    assertThat(numbers).hasSize(2);
  }

  @Test
  void aWorkerWhoseGpusAreTakenByAnotherProcessOfTheHostProposesNothingUntilTheyAreFree()
      throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    Task task = store.createTask(TestSpecs.simple("two-gpus").withMaxExperiments(4).withSeed(2));
    CountDownLatch release = new CountDownLatch(1);
    ExperimentRunner twoGpus =
        new ExperimentRunner() {
          @Override
          public Map<String, Double> run(io.autotune.spi.ExperimentContext context)
              throws Exception {
            release.await();
            return Map.of("value", 1.0);
          }

          @Override
          public int gpusFor(io.autotune.space.Configuration configuration) {
            return 2;
          }
        };
    Tuner first = onHost(store, twoGpus, "first");
    Tuner second = onHost(store, twoGpus, "second");

    ExperimentLease lease = first.propose(task.id()).orElseThrow();
    CompletableFuture<Experiment> run =
        CompletableFuture.supplyAsync(() -> first.runExperiment(lease));
    await(() -> first.freeGpus() == 0);
    assertThat(second.freeGpus()).isZero();
    assertThat(second.propose(task.id())).isEmpty();

    release.countDown();
    assertThat(run.get(10, TimeUnit.SECONDS).gpus()).hasSize(2);
    ExperimentLease next = second.propose(task.id()).orElseThrow();
    assertThat(second.runExperiment(next).status()).isEqualTo(ExperimentStatus.SUCCEEDED);
  }

  @Test
  void anExperimentNeedingMoreGpusThanTheHostHasIsRecordedFailedWithTheReason() {
    CheckpointStore store = CheckpointStore.inMemory();
    Task task = store.createTask(TestSpecs.simple("too-big").withMaxExperiments(1));
    ExperimentRunner threeGpus =
        new ExperimentRunner() {
          @Override
          public Map<String, Double> run(io.autotune.spi.ExperimentContext context) {
            return Map.of("value", 1.0);
          }

          @Override
          public int gpusFor(io.autotune.space.Configuration configuration) {
            return 3;
          }
        };
    Tuner tuner = onHost(store, threeGpus, "small-host");

    Experiment done = tuner.runExperiment(tuner.propose(task.id()).orElseThrow());

    assertThat(done.status()).isEqualTo(ExperimentStatus.FAILED);
    assertThat(done.error().orElseThrow()).contains("3").contains("GPU");
  }

  /** A Tuner on a host of two fake GPUs, locking them where every Tuner of this test looks. */
  private Tuner onHost(CheckpointStore store, ExperimentRunner runner, String id) {
    return Tuner.builder()
        .store(store)
        .runner(runner)
        .strategy(new SampleStrategy())
        .workDirectory(work.resolve(id))
        .workerId(id)
        .gpuMonitor(FakeGpuMonitor.idleGpus(2))
        .hostGpuLocks(work.resolve("gpu-locks"))
        .gpuWait(Duration.ZERO)
        .leaseTtl(Duration.ofSeconds(3))
        .killGrace(Duration.ofSeconds(1))
        .build();
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
