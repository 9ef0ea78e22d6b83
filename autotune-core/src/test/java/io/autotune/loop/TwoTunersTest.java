package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.LeaseLostException;
import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.MutableClock;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoTunersTest {
  @TempDir Path work;
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(5);
  private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
  private final CheckpointStore store = CheckpointStore.inMemory(clock, GRACE);

  private Tuner tuner(String worker, ScriptedRunner runner) {
    return Tuner.builder()
        .store(store)
        .runner(runner)
        .strategy(new SampleStrategy())
        .clock(clock)
        .leaseTtl(TTL)
        .workerId(worker)
        .workDirectory(work)
        .build();
  }

  @Test
  void theTunerThatLosesTheLeaseWritesNothingMoreAndEveryNumberIsRecordedOnce() throws Exception {
    String taskId =
        store.createTask(TestSpecs.simple("shared").withMaxExperiments(6).withSeed(3)).id();
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ScriptedRunner slowAtThree =
        new ScriptedRunner(
            c -> {
              if (c.number() == 3) {
                stuck.countDown();
                release.await();
              }
              return Map.of("value", 1.0);
            });
    CompletableFuture<TuningResult> first =
        CompletableFuture.supplyAsync(() -> tuner("worker-a", slowAtThree).resume(taskId));
    assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();

    // worker-a stalls (as a paused process would) past its lease; worker-b takes the task over
    clock.advance(TTL.plus(GRACE));
    TuningResult second = tuner("worker-b", ScriptedRunner.value(c -> 2.0)).resume(taskId);
    release.countDown();

    assertThat(first)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(LeaseLostException.class);
    assertThat(second.status()).isEqualTo(TaskStatus.COMPLETED);
    List<Experiment> log = store.experiments(taskId);
    assertThat(log).extracting(Experiment::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(log.get(2).status())
        .as("worker-a's outcome was rejected")
        .isEqualTo(ExperimentStatus.ABANDONED);
    assertThat(log.get(2).workerId()).isEqualTo("worker-a");
    assertThat(log.subList(3, 7)).allSatisfy(e -> assertThat(e.workerId()).isEqualTo("worker-b"));
    assertThat(store.task(taskId).orElseThrow().epoch()).isEqualTo(2);
  }
}
