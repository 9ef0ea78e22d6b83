package io.autotune.dashboard;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One task, max throughput subject to ttft_p90 &lt;= 0.2, with two experiments to show in full: #1
 * deployed 2 minutes, benchmarked 8, on GPUs 0 and 1 with their summaries, ttft_p90 0.25 (slack
 * -25%); #2 failed with a server log tail that holds markup, and its policy is markup too.
 */
final class DetailStore implements AutoCloseable {
  static final String LOG_TAIL =
      "INFO loading weights\n<script>alert(1)</script>\ntorch.OutOfMemoryError: CUDA out of memory";

  /** A choice value that is markup: the page must show it as text. */
  static final String MARKUP = "<img src=x onerror=alert(1)>";

  final MutableClock clock = MutableClock.startingAt("2026-11-30T10:00:00Z");
  final CheckpointStore store = CheckpointStore.inMemory(clock, Duration.ofSeconds(5));
  final Task task;

  DetailStore() {
    Objective throughput =
        Objective.maximize("throughput")
            .withSlos(List.of(Slo.constraint("ttft_p90", 0.2)), Objective.DEFAULT_STEEPNESS);
    SearchSpace space =
        SearchSpace.builder().integer("tp-size", 1, 2).choice("policy", "lpm", MARKUP).build();
    task = store.createTask(TaskSpec.of("detail", space, throughput));
    Lease lease = store.acquire(task.id(), "worker-a", Duration.ofDays(1)).orElseThrow();
    Experiment first = started(lease, 1).withGpus(List.of(0, 1));
    clock.advance(Duration.ofMinutes(2));
    first = first.inPhase(ExperimentStatus.BENCHMARKING, clock.instant());
    store.updateExperiment(lease, first);
    clock.advance(Duration.ofMinutes(8));
    store.updateExperiment(
        lease,
        first.finished(
            ExperimentStatus.SUCCEEDED,
            clock.instant(),
            Map.of(
                "throughput", 2400.0,
                "ttft_p90", 0.25,
                "gpu_count", 2.0,
                "gpu_util_mean", 0.8,
                "gpu0_util_mean", 0.9,
                "gpu0_mem_used_max_mib", 70000.0,
                "gpu1_util_mean", 0.7,
                "gpu1_mem_used_max_mib", 65000.0),
            OptionalDouble.of(2400),
            Optional.empty()));
    Experiment second = started(lease, 2);
    clock.advance(Duration.ofMinutes(1));
    store.updateExperiment(
        lease,
        second.finished(
            ExperimentStatus.FAILED,
            clock.instant(),
            Map.of(),
            OptionalDouble.empty(),
            Optional.of(
                "server exited with code 1\n--- last lines of the server log ---\n" + LOG_TAIL)));
    store.release(lease);
    clock.advance(Duration.between(clock.instant(), SeededStore.NOW));
  }

  private Experiment started(Lease lease, int number) {
    Configuration c =
        new Configuration(Map.of("tp-size", number, "policy", number == 1 ? "lpm" : MARKUP));
    Experiment e =
        Experiment.pending(task.id(), number, c, clock.instant(), "worker-a", lease.epoch());
    store.insertExperiment(lease, e);
    e = e.inPhase(ExperimentStatus.DEPLOYING, clock.instant());
    store.updateExperiment(lease, e);
    return e;
  }

  @Override
  public void close() {
    store.close();
  }
}
