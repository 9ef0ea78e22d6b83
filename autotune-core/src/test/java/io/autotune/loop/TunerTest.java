package io.autotune.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.StoreException;
import io.autotune.Tuner;
import io.autotune.TuningListener;
import io.autotune.TuningResult;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import io.autotune.testing.ForwardingStore;
import io.autotune.testing.SampleStrategy;
import io.autotune.testing.ScriptedRunner;
import io.autotune.testing.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TunerTest {
  @TempDir Path work;
  private final CheckpointStore store = CheckpointStore.inMemory();

  private Tuner.Builder tuner(ScriptedRunner runner) {
    return Tuner.builder()
        .store(store)
        .runner(runner)
        .strategy(new SampleStrategy())
        .workDirectory(work)
        .killGrace(Duration.ofSeconds(2));
  }

  private static TaskSpec spec(int experiments) {
    return TestSpecs.simple("t").withMaxExperiments(experiments).withSeed(7);
  }

  @Test
  void runsTheBudgetAndCompletesWithTheBest() {
    ScriptedRunner runner = ScriptedRunner.value(c -> Math.abs(c.configuration().getDouble("x")));
    TuningResult result = tuner(runner).build().run(spec(8));

    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(result.experiments())
        .hasSize(8)
        .allMatch(e -> e.status() == ExperimentStatus.SUCCEEDED);
    assertThat(result.experiments())
        .extracting(Experiment::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    double best =
        result.experiments().stream().mapToDouble(e -> e.score().getAsDouble()).min().orElseThrow();
    assertThat(result.best().orElseThrow().score().getAsDouble()).isEqualTo(best);
    Task task = store.task(result.taskId()).orElseThrow();
    assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task.owner()).isEmpty();
    assertThat(store.checkpoint(task.id()))
        .hasValueSatisfying(c -> assertThat(c).contains("\"next_number\":9"));
  }

  @Test
  void aTaskWithoutAnySuccessFails() {
    ScriptedRunner runner =
        new ScriptedRunner(
            c -> {
              throw new IllegalStateException("server crashed");
            });
    TuningResult result = tuner(runner).build().run(spec(3));
    assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(result.experiments())
        .allSatisfy(
            e -> {
              assertThat(e.status()).isEqualTo(ExperimentStatus.FAILED);
              assertThat(e.error())
                  .hasValueSatisfying(m -> assertThat(m).contains("server crashed"));
            });
  }

  @Test
  void badMetricsFailTheirExperimentWithTheReasonAndTheTaskGoesOn() {
    ScriptedRunner runner =
        new ScriptedRunner(
            c ->
                switch (c.number()) {
                  case 1 -> Map.of("value", Double.NaN);
                  case 2 -> Map.of();
                  case 3 -> Map.of("other", 1.0);
                  case 4 -> Map.of("value", Double.POSITIVE_INFINITY);
                  default -> Map.of("value", 1.0);
                });
    TuningResult result = tuner(runner).build().run(spec(5));
    assertThat(result.experiments())
        .extracting(e -> e.error().orElse(""))
        .containsExactly(
            "the runner returned a metric that is not a finite number: value = NaN",
            "the runner returned no metrics",
            "metric 'value' is missing; the runner reported [other]",
            "the runner returned a metric that is not a finite number: value = Infinity",
            "");
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void aHangingRunnerTimesOutAndTheTaskContinues() {
    ScriptedRunner runner =
        new ScriptedRunner(
            c -> {
              if (c.number() == 1) {
                Thread.sleep(60_000);
              }
              return Map.of("value", 1.0);
            });
    TaskSpec spec = spec(2).withExperimentTimeout(Duration.ofMillis(300));
    TuningResult result = tuner(runner).build().run(spec);
    assertThat(result.experiments())
        .extracting(Experiment::status)
        .containsExactly(ExperimentStatus.TIMED_OUT, ExperimentStatus.SUCCEEDED);
    assertThat(result.experiments().get(0).error())
        .hasValueSatisfying(m -> assertThat(m).contains("timeout"));
  }

  @Test
  void aThrowingListenerIsLoggedAndTheLoopGoesOn() {
    TuningListener broken =
        new TuningListener() {
          @Override
          public void experimentFinished(
              Task task, Experiment experiment, Optional<Experiment> best) {
            throw new IllegalStateException("listener bug");
          }
        };
    TuningResult result =
        tuner(ScriptedRunner.value(c -> 1.0)).listener(broken).build().run(spec(3));
    assertThat(result.experiments()).hasSize(3);
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void parallelSlotsRunExperimentsAtTheSameTime() {
    ScriptedRunner runner =
        new ScriptedRunner(
            c -> {
              Thread.sleep(150);
              return Map.of("value", 1.0);
            });
    TuningResult result = tuner(runner).parallelism(3).build().run(spec(9));
    assertThat(result.experiments()).hasSize(9);
    assertThat(runner.maxConcurrent()).isEqualTo(3);
    assertThat(result.experiments()).extracting(Experiment::number).doesNotHaveDuplicates();
  }

  @Test
  void cancellingATaskStopsItsRunningExperimentAndEndsItCancelled() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    ScriptedRunner runner =
        new ScriptedRunner(
            c -> {
              started.countDown();
              Thread.sleep(60_000);
              return Map.of("value", 1.0);
            });
    Tuner t = tuner(runner).leaseTtl(Duration.ofMillis(300)).build();
    Task task = store.createTask(spec(5));
    Thread thread = new Thread(() -> t.resume(task.id()));
    thread.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    store.requestCancel(task.id());
    thread.join(10_000);
    Task done = store.task(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(store.experiments(task.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.error()).contains("the task was cancelled"));
  }

  @Test
  void stoppingAWorkerAbandonsItsExperimentAndLeavesTheTaskForAnother() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    ScriptedRunner slow =
        new ScriptedRunner(
            c -> {
              started.countDown();
              Thread.sleep(60_000);
              return Map.of("value", 1.0);
            });
    Tuner first = tuner(slow).build();
    Task task = store.createTask(spec(3));
    Thread thread = new Thread(() -> first.resume(task.id()));
    thread.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    first.stop();
    thread.join(10_000);
    assertThat(store.experiments(task.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.ABANDONED));

    TuningResult resumed = tuner(ScriptedRunner.value(c -> 2.0)).build().resume(task.id());
    assertThat(resumed.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(resumed.experiments()).hasSize(4);
    assertThat(resumed.experiments().get(1).configuration())
        .as("the abandoned configuration runs again first")
        .isEqualTo(resumed.experiments().get(0).configuration());
  }

  @Test
  void aTaskAskedToCancelBeforeItStartsRunsNothing() {
    ScriptedRunner runner = ScriptedRunner.value(c -> 1.0);
    Task task = store.createTask(spec(5));
    store.requestCancel(task.id());
    TuningResult result = tuner(runner).build().resume(task.id());
    assertThat(result.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(runner.calls()).isZero();
  }

  @Test
  @Timeout(60)
  void anInsertWhoseAnswerWasLostIsNotRepeatedForever() {
    CheckpointStore losingAnswers =
        new ForwardingStore(store) {
          private int inserts;

          @Override
          public void insertExperiment(Lease lease, Experiment experiment) {
            super.insertExperiment(lease, experiment);
            if (inserts++ == 1) {
              throw new StoreException("connection reset before the commit's answer");
            }
          }
        };
    TuningResult result =
        tuner(ScriptedRunner.value(c -> 1.0)).store(losingAnswers).build().run(spec(3));
    assertThat(result.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(store.experiments(result.taskId()))
        .extracting(Experiment::number)
        .containsExactly(1, 2, 3);
  }

  @Test
  void theBuilderRejectsBadSettings() {
    assertThatThrownBy(() -> Tuner.builder().parallelism(0))
        .hasMessage("parallelism must be greater than 0, but was 0");
    assertThatThrownBy(() -> Tuner.builder().build()).isInstanceOf(IllegalStateException.class);
  }
}
