package io.autotune.dashboard;

import io.autotune.model.Experiment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code api/experiment-timeline}: the experiments that overlap the last hours, on a
 * shared axis with the ticks the page draws. A running experiment ends at {@code timestamp}. At
 * most a given number of them are drawn: every running one, then the latest started.
 *
 * @param axisStart the left end of the axis: the earliest start, clipped to the window
 * @param axisEnd the right end: the latest end (now, while something runs), at least a minute on
 * @param intervalSeconds the distance between ticks
 * @param totalExperiments how many experiments overlap the window, drawn or not
 */
record Timeline(
    String timestamp,
    int hours,
    String timeZone,
    String axisStart,
    String axisEnd,
    long intervalSeconds,
    List<TickView> ticks,
    List<Bar> experiments,
    int totalExperiments) {

  /** The shortest axis drawn, so that a single short experiment still gets a readable scale. */
  static final Duration MIN_RANGE = Duration.ofMinutes(1);

  record TickView(String at, String label, String dateLabel) {}

  /** One experiment as a bar; {@code end} is null while it runs. */
  record Bar(
      String taskId,
      String taskName,
      int number,
      String status,
      String start,
      String end,
      boolean running,
      double durationSeconds,
      Double score,
      Map<String, Object> parameters,
      String error) {}

  static Timeline of(List<TaskLog> logs, Instant now, Duration window, ZoneId zone, int maxBars) {
    Instant since = now.minus(window);
    List<Placed> inWindow =
        logs.stream()
            .flatMap(log -> log.experiments().stream().map(e -> new Placed(log, e)))
            .filter(p -> TaskLog.end(p.experiment, now).isAfter(since))
            .sorted(Comparator.comparing((Placed p) -> TaskLog.start(p.experiment)))
            .toList();
    List<Bar> bars = drawn(inWindow, maxBars).stream().map(p -> p.bar(now)).toList();
    Instant axisStart =
        bars.stream()
            .map(b -> Instant.parse(b.start()))
            .min(Instant::compareTo)
            .map(start -> start.isBefore(since) ? since : start)
            .orElse(since);
    Instant axisEnd =
        bars.stream()
            .map(b -> b.running() ? now : Instant.parse(b.end()))
            .max(Instant::compareTo)
            .orElse(now);
    if (Duration.between(axisStart, axisEnd).compareTo(MIN_RANGE) < 0) {
      axisEnd = axisStart.plus(MIN_RANGE);
    }
    List<TickView> ticks =
        TimeScale.ticks(axisStart, axisEnd, zone).stream()
            .map(t -> new TickView(Json.time(t.at()), t.label(), t.dateLabel()))
            .toList();
    return new Timeline(
        Json.time(now),
        (int) window.toHours(),
        zone.getId(),
        Json.time(axisStart),
        Json.time(axisEnd),
        TimeScale.interval(axisStart, axisEnd).toSeconds(),
        ticks,
        bars,
        inWindow.size());
  }

  /** Every running experiment, then the latest started, up to {@code maxBars}; by start. */
  private static List<Placed> drawn(List<Placed> byStart, int maxBars) {
    if (byStart.size() <= maxBars) {
      return byStart;
    }
    long running = byStart.stream().filter(p -> !p.experiment.status().isFinal()).count();
    long finishedRoom = Math.max(0, maxBars - running);
    List<Placed> drawn = new ArrayList<>();
    long finishedSkipped = byStart.size() - running - finishedRoom;
    for (Placed p : byStart) {
      if (!p.experiment.status().isFinal()) {
        drawn.add(p);
      } else if (finishedSkipped > 0) {
        finishedSkipped--;
      } else {
        drawn.add(p);
      }
    }
    return drawn.size() <= maxBars ? drawn : drawn.subList(drawn.size() - maxBars, drawn.size());
  }

  private record Placed(TaskLog log, Experiment experiment) {
    Bar bar(Instant now) {
      Experiment e = experiment;
      boolean running = !e.status().isFinal();
      return new Bar(
          log.task().id(),
          log.task().name(),
          e.number(),
          e.status().name(),
          Json.time(TaskLog.start(e)),
          running ? null : Json.time(TaskLog.end(e, now)),
          running,
          Json.seconds(TaskLog.duration(e, now)),
          Json.number(e.score()),
          e.configuration().values(),
          e.error().orElse(null));
    }
  }
}
