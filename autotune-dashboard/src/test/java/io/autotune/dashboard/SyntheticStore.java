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
import java.util.SplittableRandom;

/**
 * Tasks of random experiments on a made-up server, for the analysis views and the render-time test.
 * Each task maximises throughput and minimises latency subject to ttft &lt;= 0.5; throughput is
 * mostly the memory fraction {@code mem} (so it dominates the importance), latency grows with
 * throughput (so the two objectives trade off), ttft breaks its bound for {@code policy = fcfs}
 * with tp 1, and every 20th experiment fails.
 */
final class SyntheticStore implements AutoCloseable {
  static final SearchSpace SPACE =
      SearchSpace.builder()
          .real("mem", 0.5, 0.95)
          .integer("tp", 1, 4)
          .choice("policy", "lpm", "fcfs", "random")
          .integer("max-running", 16, 1024)
          .build();

  final MutableClock clock = MutableClock.startingAt("2026-11-20T00:00:00Z");
  final CheckpointStore store = CheckpointStore.inMemory(clock, Duration.ofSeconds(5));

  /** A task named {@code name} with {@code n} experiments drawn with {@code seed}. */
  Task task(String name, int n, long seed) {
    Objective throughput =
        Objective.maximize("throughput")
            .withSlos(List.of(Slo.constraint("ttft", 0.5)), Objective.DEFAULT_STEEPNESS);
    Task task =
        store.createTask(
            TaskSpec.builder(name, SPACE, throughput)
                .objectives(List.of(throughput, Objective.minimize("latency")))
                .maxExperiments(Math.max(n, 1))
                .build());
    Lease lease = store.acquire(task.id(), "worker", Duration.ofDays(30)).orElseThrow();
    SplittableRandom random = new SplittableRandom(seed);
    for (int number = 1; number <= n; number++) {
      Configuration c = SPACE.sample(random);
      Experiment e =
          Experiment.pending(task.id(), number, c, clock.instant(), "worker", lease.epoch())
              .inPhase(ExperimentStatus.DEPLOYING, clock.instant());
      store.insertExperiment(lease, e);
      clock.advance(Duration.ofSeconds(30));
      store.updateExperiment(lease, finish(e, c, random, number % 20 == 0));
    }
    store.release(lease);
    return task;
  }

  private Experiment finish(Experiment e, Configuration c, SplittableRandom random, boolean fail) {
    if (fail) {
      return e.finished(
          ExperimentStatus.FAILED,
          clock.instant(),
          Map.of(),
          OptionalDouble.empty(),
          Optional.of("CUDA out of memory"));
    }
    double throughput =
        4000 * c.getDouble("mem") + 50 * c.getLong("tp") + 100 * random.nextDouble();
    double latency = throughput / 4000 + 0.2 * random.nextDouble();
    double ttft = c.get("policy").equals("fcfs") && c.getLong("tp") == 1 ? 0.8 : 0.3;
    return e.finished(
        ExperimentStatus.SUCCEEDED,
        clock.instant(),
        Map.of("throughput", throughput, "latency", latency, "ttft", ttft),
        OptionalDouble.of(throughput),
        Optional.empty());
  }

  @Override
  public void close() {
    store.close();
  }
}
