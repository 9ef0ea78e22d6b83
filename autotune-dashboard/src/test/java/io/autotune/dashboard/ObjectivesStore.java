package io.autotune.dashboard;

import io.autotune.model.Evaluation;
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
 * An in-memory store of three tasks that use issue 12's objectives and constraints; the tests'
 * expectations are worked out by hand from this file. Every experiment runs 10 minutes from 10:00
 * on {@link SeededStore#NOW}'s day, one after the other.
 *
 * <pre>
 * pareto-slo   max throughput, min tpot, constraint ttft_p90 &lt;= 0.2
 *              #1 2000 / 0.10 / 0.15  feasible, Pareto (lowest tpot)
 *              #2 3000 / 0.20 / 0.25  INFEASIBLE (slack -25%): the highest throughput, not the best
 *              #3 2500 / 0.12 / 0.18  feasible, Pareto, the best throughput (slack +10%)
 *              #4 1800 / 0.15 / 0.19  feasible, dominated by #1
 *              #5 FAILED
 * outlier      min latency: 1.0, 1.2, 1e77 (a broken measurement), 1.4, 1.6, 1.8
 * legacy-slo   max throughput with a legacy penalty SLO ttft_p90 &lt;= 0.2
 *              #1 2000 at 0.10 (score 2000), #2 3000 at 0.25 (penalised far below 0)
 * </pre>
 */
final class ObjectivesStore implements AutoCloseable {
  static final double OUTLIER = 1e77;

  final MutableClock clock = MutableClock.startingAt("2026-11-30T10:00:00Z");
  final CheckpointStore store = CheckpointStore.inMemory(clock, Duration.ofSeconds(5));
  final Task pareto;
  final Task outlier;
  final Task legacy;

  ObjectivesStore() {
    Objective throughput =
        Objective.maximize("throughput")
            .withSlos(List.of(Slo.constraint("ttft_p90", 0.2)), Objective.DEFAULT_STEEPNESS);
    pareto =
        store.createTask(
            TaskSpec.builder("pareto-slo", space(), throughput)
                .objectives(List.of(throughput, Objective.minimize("tpot")))
                .build());
    run(pareto, metrics(2000, 0.10, 0.15), metrics(3000, 0.20, 0.25), metrics(2500, 0.12, 0.18));
    run(pareto, metrics(1800, 0.15, 0.19), Map.of());

    outlier = store.createTask(TaskSpec.of("outlier", space(), Objective.minimize("latency")));
    run(outlier, latency(1.0), latency(1.2), latency(OUTLIER), latency(1.4), latency(1.6));
    run(outlier, latency(1.8));

    legacy =
        store.createTask(
            TaskSpec.of(
                "legacy-slo",
                space(),
                Objective.maximize("throughput")
                    .withSlos(List.of(Slo.soft("ttft_p90", 0.2)), Objective.DEFAULT_STEEPNESS)));
    run(legacy, Map.of("throughput", 2000.0, "ttft_p90", 0.10));
    run(legacy, Map.of("throughput", 3000.0, "ttft_p90", 0.25));
    clock.advance(Duration.between(clock.instant(), SeededStore.NOW));
  }

  @Override
  public void close() {
    store.close();
  }

  private static Map<String, Double> metrics(double throughput, double tpot, double ttftP90) {
    return Map.of("throughput", throughput, "tpot", tpot, "ttft_p90", ttftP90);
  }

  private static Map<String, Double> latency(double seconds) {
    return Map.of("latency", seconds);
  }

  /** Runs one experiment per metrics map, in order; an empty map is a failed run. */
  @SafeVarargs
  private void run(Task task, Map<String, Double>... runs) {
    Lease lease = store.acquire(task.id(), "worker", Duration.ofDays(1)).orElseThrow();
    int number = store.experiments(task.id()).size();
    for (Map<String, Double> metrics : runs) {
      number++;
      Configuration configuration = new Configuration(Map.of("tp-size", number % 2 + 1));
      Experiment e =
          Experiment.pending(
              task.id(), number, configuration, clock.instant(), "worker", lease.epoch());
      store.insertExperiment(lease, e);
      e = e.inPhase(ExperimentStatus.DEPLOYING, clock.instant());
      store.updateExperiment(lease, e);
      clock.advance(Duration.ofMinutes(10));
      store.updateExperiment(lease, finish(task.spec(), e, metrics));
    }
    store.release(lease);
  }

  private Experiment finish(TaskSpec spec, Experiment e, Map<String, Double> metrics) {
    if (metrics.isEmpty()) {
      return e.finished(
          ExperimentStatus.FAILED,
          clock.instant(),
          metrics,
          OptionalDouble.empty(),
          Optional.of("server exited with code 1"));
    }
    double score = ((Evaluation.Scored) spec.evaluate(metrics)).score();
    return e.finished(
        ExperimentStatus.SUCCEEDED,
        clock.instant(),
        metrics,
        OptionalDouble.of(score),
        Optional.empty());
  }

  private static SearchSpace space() {
    return SearchSpace.builder().integer("tp-size", 1, 2).build();
  }
}
