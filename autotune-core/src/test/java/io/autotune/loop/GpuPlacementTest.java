package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.TaskStatus;
import io.autotune.space.Configuration;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.ExperimentContext;
import io.autotune.spi.ExperimentRunner;
import io.autotune.testing.FakeGpuMonitor;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GpuPlacementTest {
  @TempDir Path work;

  /** Needs {@code gpus} GPUs; records which GPUs are busy, failing on any overlap. */
  private static final class GpuHungryRunner implements ExperimentRunner {
    private final int gpus;
    private final Set<Integer> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean overlap;

    GpuHungryRunner(int gpus) {
      this.gpus = gpus;
    }

    @Override
    public Map<String, Double> run(ExperimentContext context) throws Exception {
      for (int gpu : context.gpus()) {
        overlap |= !busy.add(gpu);
      }
      Thread.sleep(100);
      context.gpus().forEach(busy::remove);
      return Map.of("value", (double) context.gpus().size());
    }

    @Override
    public int gpusFor(Configuration configuration) {
      return gpus;
    }
  }

  private Tuner.Builder tuner(ExperimentRunner runner, int gpusOnHost) {
    return Tuner.builder()
        .runner(runner)
        .strategy(new SampleStrategy())
        .gpuMonitor(FakeGpuMonitor.idleGpus(gpusOnHost))
        .gpuSampleInterval(Duration.ofMillis(20))
        .workDirectory(work);
  }

  @Test
  void parallelExperimentsNeverShareAGpuAndRecordWhereTheyRan() {
    GpuHungryRunner runner = new GpuHungryRunner(2);
    TuningResult result =
        tuner(runner, 4)
            .parallelism(3)
            .build()
            .run(TestSpecs.simple("gpus").withMaxExperiments(9).withSeed(1));

    assertThat(runner.overlap).isFalse();
    assertThat(result.experiments())
        .allSatisfy(
            e -> {
              assertThat(e.status()).isEqualTo(ExperimentStatus.SUCCEEDED);
              assertThat(e.gpus()).hasSize(2);
              assertThat(e.metrics()).containsKeys("gpu_util_mean", "gpu_mem_used_max_mib");
            });
  }

  @Test
  void anExperimentNeedingMoreGpusThanTheHostHasFailsWithTheReason() {
    TuningResult result =
        tuner(new GpuHungryRunner(3), 2)
            .gpuWait(Duration.ofMillis(200))
            .build()
            .run(TestSpecs.simple("too-many").withMaxExperiments(2).withSeed(1));
    List<Experiment> log = result.experiments();
    assertThat(log).allSatisfy(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.FAILED));
    assertThat(log.get(0).error().orElseThrow()).contains("needs 3 GPUs; this host has 2 usable");
  }

  @Test
  @Timeout(60)
  void cancellingATaskStopsExperimentsThatWaitForGpus() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    ExperimentRunner slow =
        new ExperimentRunner() {
          @Override
          public Map<String, Double> run(ExperimentContext context) throws Exception {
            holding.countDown();
            Thread.sleep(60_000);
            return Map.of("value", 1.0);
          }

          @Override
          public int gpusFor(Configuration configuration) {
            return 1;
          }
        };
    CheckpointStore store = CheckpointStore.inMemory();
    Tuner tuner =
        tuner(slow, 1).store(store).leaseTtl(Duration.ofMillis(300)).parallelism(2).build();
    String taskId =
        store.createTask(TestSpecs.simple("waiting").withMaxExperiments(4).withSeed(1)).id();
    CompletableFuture<TuningResult> run = CompletableFuture.supplyAsync(() -> tuner.resume(taskId));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    store.requestCancel(taskId);

    TuningResult result = run.get(30, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(result.experiments())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.error()).contains("the task was cancelled"));
  }
}
