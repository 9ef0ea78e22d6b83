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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which experiments the timeline shows and the axis it puts them on. */
class TimelineTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Task TASK =
      new Task(
          "t",
          TestSpecs.simple("task"),
          TaskStatus.RUNNING,
          NOW,
          NOW,
          Optional.empty(),
          1,
          Optional.empty(),
          false);

  @Test
  void withoutExperimentsTheAxisIsTheWholeWindow() {
    Timeline timeline = Timeline.of(List.of(), NOW, Duration.ofHours(24), UTC, 500);
    assertThat(timeline.experiments()).isEmpty();
    assertThat(timeline.axisStart()).isEqualTo("2026-11-29T12:00:00Z");
    assertThat(timeline.axisEnd()).isEqualTo("2026-11-30T12:00:00Z");
    assertThat(timeline.intervalSeconds()).isEqualTo(3 * 3600);
    assertThat(timeline.ticks()).hasSize(9);
  }

  @Test
  void anExperimentRunningSinceBeforeTheWindowIsShownFromTheWindowsStart() {
    Experiment running = experiment(1, "2026-11-30T09:00:00Z");
    Timeline timeline =
        Timeline.of(
            List.of(new TaskLog(TASK, List.of(running))), NOW, Duration.ofHours(1), UTC, 500);
    assertThat(timeline.experiments()).hasSize(1);
    assertThat(timeline.experiments().get(0).start()).isEqualTo("2026-11-30T09:00:00Z");
    assertThat(timeline.experiments().get(0).durationSeconds()).isEqualTo(3 * 3600);
    assertThat(timeline.axisStart()).isEqualTo("2026-11-30T11:00:00Z");
    assertThat(timeline.axisEnd()).isEqualTo("2026-11-30T12:00:00Z");
  }

  @Test
  void anExperimentThatEndedBeforeTheWindowIsLeftOut() {
    Experiment old =
        experiment(1, "2026-11-30T09:00:00Z")
            .finished(
                ExperimentStatus.FAILED,
                Instant.parse("2026-11-30T10:59:59Z"),
                Map.of(),
                java.util.OptionalDouble.empty(),
                Optional.of("boom"));
    Timeline timeline =
        Timeline.of(List.of(new TaskLog(TASK, List.of(old))), NOW, Duration.ofHours(1), UTC, 500);
    assertThat(timeline.experiments()).isEmpty();
  }

  @Test
  void aShortAxisLastsAtLeastAMinute() {
    Experiment quick = experiment(1, "2026-11-30T11:59:50Z");
    Timeline timeline =
        Timeline.of(List.of(new TaskLog(TASK, List.of(quick))), NOW, Duration.ofHours(1), UTC, 500);
    assertThat(timeline.axisStart()).isEqualTo("2026-11-30T11:59:50Z");
    assertThat(timeline.axisEnd()).isEqualTo("2026-11-30T12:00:50Z");
    assertThat(timeline.intervalSeconds()).isEqualTo(10);
  }

  @Test
  void pastItsLimitTheTimelineDrawsTheRunningExperimentsAndTheLatestStarted() {
    List<Experiment> log = new java.util.ArrayList<>();
    log.add(experiment(1, "2026-11-30T10:00:00Z")); // running since 10:00
    for (int n = 2; n <= 10; n++) {
      Instant start = Instant.parse("2026-11-30T10:00:00Z").plus(Duration.ofMinutes(5L * n));
      log.add(
          experiment(n, start.toString())
              .finished(
                  ExperimentStatus.SUCCEEDED,
                  start.plus(Duration.ofMinutes(4)),
                  Map.of("throughput", 1.0),
                  java.util.OptionalDouble.of(1.0),
                  Optional.empty()));
    }

    Timeline timeline =
        Timeline.of(List.of(new TaskLog(TASK, log)), NOW, Duration.ofHours(24), UTC, 4);

    assertThat(timeline.totalExperiments()).isEqualTo(10);
    assertThat(timeline.experiments())
        .extracting(Timeline.Bar::number)
        .containsExactly(1, 8, 9, 10);
    assertThat(timeline.axisStart()).isEqualTo("2026-11-30T10:00:00Z");
  }

  private static Experiment experiment(int number, String start) {
    Instant at = Instant.parse(start);
    return Experiment.pending(
            "t", number, Configuration.of(Map.of("x", 1.0, "mode", "a")), at, "w", 1)
        .inPhase(ExperimentStatus.DEPLOYING, at);
  }
}
