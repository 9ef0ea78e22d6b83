package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Confirmation;
import io.autotune.model.Confirmed;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.space.Configuration;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.Strategy;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import io.autotune.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The best configurations of a finished search run again, and the pick rests on their means. */
class ConfirmationRunsTest {
  @TempDir Path work;

  /** |x| with a deterministic ±0.3 wobble per experiment: single runs are noisy. */
  private static final ScriptedRunner NOISY =
      new ScriptedRunner(
          c -> {
            Thread.sleep(5);
            double wobble = 0.3 * Math.sin(c.number() * 12.9898);
            return Map.of("value", Math.abs(c.configuration().getDouble("x")) + wobble);
          });

  private static TaskSpec spec(int max, int top, int repeats) {
    return TestSpecs.simple("confirmed").toBuilder()
        .maxExperiments(max)
        .confirmation(Optional.of(new Confirmation(top, repeats)))
        .build()
        .withSeed(5);
  }

  private Tuner tuner(CheckpointStore store, int parallelism) {
    return Tuner.builder()
        .store(store)
        .runner(NOISY)
        .strategy(new SampleStrategy())
        .workDirectory(work)
        .parallelism(parallelism)
        .build();
  }

  @Test
  void theTopConfigurationsOfTheSearchRunAgainAfterItAndThePickHasAnInterval() {
    CheckpointStore store = CheckpointStore.inMemory();

    TuningResult result = tuner(store, 3).run(spec(8, 2, 3));

    List<Experiment> log = result.experiments();
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(log).hasSize(8 + 2 * 3).allMatch(e -> e.status() == ExperimentStatus.SUCCEEDED);
    List<Experiment> search = log.subList(0, 8);
    List<Configuration> bestTwo =
        search.stream()
            .sorted((a, b) -> Double.compare(a.score().getAsDouble(), b.score().getAsDouble()))
            .limit(2)
            .map(Experiment::configuration)
            .toList();
    assertThat(log.subList(8, log.size()))
        .extracting(Experiment::configuration)
        .containsOnly(bestTwo.toArray(Configuration[]::new));
    Instant searchEnded =
        search.stream()
            .map(e -> e.finishedAt().orElseThrow())
            .max(Instant::compareTo)
            .orElseThrow();
    assertThat(log.subList(8, log.size()))
        .as("confirmation runs start once the search's results are in")
        .allMatch(e -> !e.createdAt().isBefore(searchEnded));

    assertThat(result.confirmed()).hasSize(2);
    Confirmed pick = result.confirmedBest().orElseThrow();
    assertThat(pick.experiments()).hasSize(4);
    assertThat(pick.values()).hasSize(4);
    double mean = pick.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(pick.mean()).isCloseTo(mean, within(1e-12));
    assertThat(pick.halfWidth95().orElseThrow())
        .isCloseTo(3.182 * pick.standardDeviation().orElseThrow() / 2, within(1e-9));
    assertThat(pick.mean()).isLessThanOrEqualTo(result.confirmed().get(1).mean());
  }

  @Test
  void workersSharingTheTaskRunTheConfirmationToo() throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    Task task = store.createTask(spec(6, 2, 2));
    try (Worker a = worker(store, "a").start();
        Worker b = worker(store, "b").start()) {
      SharedExperimentsTest.await(() -> store.task(task.id()).orElseThrow().status().isFinal());
    }
    List<Experiment> log = store.experiments(task.id());
    assertThat(log).hasSize(10);
    Map<Configuration, Long> runs =
        log.stream()
            .collect(Collectors.groupingBy(Experiment::configuration, Collectors.counting()));
    assertThat(runs.values().stream().filter(n -> n == 3)).hasSize(2);
    assertThat(task.spec().confirmed(log)).allMatch(c -> c.experiments().size() == 3);
  }

  @Test
  void aStrategyThatRunsOutEarlyStillGetsItsConfirmation() {
    // three configurations, each proposed once, then nothing more
    Strategy threeThenDone =
        context ->
            context.history().size() + context.pending().size() < 3
                ? Optional.of(
                    Configuration.of(
                        Map.of(
                            "x",
                            1.0 + context.history().size() + context.pending().size(),
                            "mode",
                            "a")))
                : Optional.empty();
    TuningResult result =
        Tuner.builder()
            .store(CheckpointStore.inMemory())
            .runner(NOISY)
            .strategy(threeThenDone)
            .workDirectory(work)
            .build()
            .run(spec(50, 1, 2));

    assertThat(result.experiments()).hasSize(3 + 2);
    assertThat(result.confirmedBest().orElseThrow().experiments()).hasSize(3);
  }

  @Test
  void studentsQuantileMatchesItsTableAndItsLargeSampleLimit() {
    Confirmed three =
        new Confirmed(
            Configuration.of(Map.of("x", 1.0)), List.of(1, 2, 3), List.of(1.0, 2.0, 3.0), 3);
    assertThat(three.mean()).isEqualTo(2.0);
    assertThat(three.standardDeviation().orElseThrow()).isEqualTo(1.0);
    assertThat(three.halfWidth95().orElseThrow()).isCloseTo(4.303 / Math.sqrt(3), within(1e-12));
    Confirmed one = new Confirmed(Configuration.of(Map.of("x", 1.0)), List.of(1), List.of(5.0), 0);
    assertThat(one.halfWidth95()).isEmpty();
    assertThat(one.feasibleInEveryRun()).isFalse();
  }

  private Worker worker(CheckpointStore store, String id) {
    Tuner tuner =
        Tuner.builder()
            .store(store)
            .runner(NOISY)
            .strategy(new SampleStrategy())
            .workDirectory(work.resolve(id))
            .workerId(id)
            .leaseTtl(Duration.ofSeconds(3))
            .build();
    return Worker.builder()
        .tuner(tuner)
        .slots(2)
        .leaseTtl(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(20))
        .heartbeatInterval(Duration.ofMillis(200))
        .build();
  }
}
