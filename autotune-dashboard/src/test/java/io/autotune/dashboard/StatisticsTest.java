package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.space.Configuration;
import io.autotune.testing.TestSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The arithmetic of api/db-statistics, on task logs built by hand. */
class StatisticsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Duration DAY = Duration.ofHours(24);

  @Test
  void anEmptyStoreHasZeroCountsAndNoMeanOrRate() {
    Statistics s = Statistics.of(List.of(), NOW, DAY, NOW);
    assertThat(s.tasks().total()).isZero();
    assertThat(s.tasks().byStatus())
        .containsOnlyKeys("PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED");
    assertThat(s.tasks().byStatus().values()).containsOnly(0L);
    assertThat(s.meanExperimentSeconds()).isNull();
    assertThat(s.successPercent()).isNull();
    assertThat(s.runningTasks()).isEmpty();
  }

  @Test
  void theMeanDurationCountsFinishedExperimentsOnly() {
    TaskLog log =
        log(
            task(TaskStatus.RUNNING, 4, NOW.minusSeconds(3600)),
            finished(1, ExperimentStatus.SUCCEEDED, "10:00", 60, 1.0),
            finished(2, ExperimentStatus.FAILED, "10:05", 120, 0),
            finished(3, ExperimentStatus.ABANDONED, "10:10", 30, 0),
            running(4, "11:00"));
    Statistics s = Statistics.of(List.of(log), NOW, DAY, NOW);
    assertThat(s.meanExperimentSeconds()).isEqualTo(70.0); // (60 + 120 + 30) / 3
    assertThat(s.successPercent()).isEqualTo(33.3); // 1 of 3 finished, rounded
    assertThat(s.experiments().byStatus())
        .containsEntry("SUCCEEDED", 1L)
        .containsEntry("FAILED", 1L)
        .containsEntry("ABANDONED", 1L)
        .containsEntry("DEPLOYING", 1L);
    assertThat(s.experiments().total()).isEqualTo(4);
    Statistics.RunningTask progress = s.runningTasks().get(0);
    assertThat(progress.done()).isEqualTo(3);
    assertThat(progress.running()).isEqualTo(1);
    assertThat(progress.percent()).isEqualTo(75.0);
    assertThat(progress.bestScore()).isEqualTo(1.0);
    assertThat(progress.bestValue()).isEqualTo(1.0);
  }

  @Test
  void theWindowCountsWhatWasCreatedInItIncludingItsFirstInstant() {
    TaskLog inside =
        log(
            task(TaskStatus.COMPLETED, 5, NOW.minus(DAY)),
            finished(1, ExperimentStatus.SUCCEEDED, "2026-11-29T12:00:00Z", 60, 1.0));
    TaskLog outside =
        log(
            task(TaskStatus.COMPLETED, 5, NOW.minus(DAY).minusSeconds(1)),
            finished(1, ExperimentStatus.SUCCEEDED, "2026-11-29T11:59:59Z", 60, 1.0));
    Statistics s = Statistics.of(List.of(inside, outside), NOW, DAY, NOW);
    assertThat(s.tasksInWindow().total()).isEqualTo(1);
    assertThat(s.experimentsInWindow().total()).isEqualTo(1);
    assertThat(s.tasks().total()).isEqualTo(2);
    assertThat(s.windowHours()).isEqualTo(24);
  }

  @Test
  void progressNeverPassesAHundredPercent() {
    // a resumed task may record more experiments than its current maximum
    TaskLog log =
        log(
            task(TaskStatus.RUNNING, 1, NOW),
            finished(1, ExperimentStatus.SUCCEEDED, "10:00", 60, 1.0),
            finished(2, ExperimentStatus.SUCCEEDED, "10:02", 60, 2.0));
    assertThat(Statistics.of(List.of(log), NOW, DAY, NOW).runningTasks().get(0).percent())
        .isEqualTo(100.0);
  }

  private static TaskLog log(Task task, Experiment... experiments) {
    return new TaskLog(
        task,
        List.of(experiments).stream()
            .map(
                e ->
                    new Experiment(
                        task.id(),
                        e.number(),
                        e.configuration(),
                        e.status(),
                        e.createdAt(),
                        e.startedAt(),
                        e.benchmarkingAt(),
                        e.finishedAt(),
                        e.metrics(),
                        e.score(),
                        e.error(),
                        e.workerId(),
                        e.epoch(),
                        e.processes(),
                        e.gpus()))
            .toList());
  }

  private static Task task(TaskStatus status, int maxExperiments, Instant createdAt) {
    return new Task(
        "t-" + status + maxExperiments + createdAt.getEpochSecond(),
        TestSpecs.simple("task").withMaxExperiments(maxExperiments),
        status,
        createdAt,
        createdAt,
        Optional.empty(),
        1,
        Optional.empty(),
        false);
  }

  private static Experiment running(int number, String start) {
    return pending(number, start).inPhase(ExperimentStatus.DEPLOYING, at(start));
  }

  private static Experiment finished(
      int number, ExperimentStatus status, String start, int seconds, double score) {
    boolean ok = status == ExperimentStatus.SUCCEEDED;
    return running(number, start)
        .finished(
            status,
            at(start).plusSeconds(seconds),
            ok ? Map.of("value", score) : Map.of(), // TestSpecs.simple minimises "value"
            ok ? OptionalDouble.of(score) : OptionalDouble.empty(),
            Optional.empty());
  }

  private static Experiment pending(int number, String start) {
    return Experiment.pending(
        "t", number, Configuration.of(Map.of("x", 1.0, "mode", "a")), at(start), "w", 1);
  }

  /** "10:00" on 2026-11-30 UTC, or a full instant. */
  private static Instant at(String time) {
    return time.length() == 5 ? Instant.parse("2026-11-30T" + time + ":00Z") : Instant.parse(time);
  }
}
