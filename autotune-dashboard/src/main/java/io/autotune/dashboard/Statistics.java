package io.autotune.dashboard;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The answer of {@code api/db-statistics}: counts by status, overall and over the last window, the
 * mean duration of finished experiments, and the progress of running tasks.
 *
 * @param meanExperimentSeconds mean start-to-end time of finished experiments; null if none
 * @param successPercent succeeded experiments out of finished ones; null if none finished
 */
record Statistics(
    String timestamp,
    int windowHours,
    Counts tasks,
    Counts experiments,
    Counts tasksInWindow,
    Counts experimentsInWindow,
    Double meanExperimentSeconds,
    Double successPercent,
    List<RunningTask> runningTasks) {

  /** A total and the count of each status (every status, zeros included, in life order). */
  record Counts(long total, Map<String, Long> byStatus) {}

  /**
   * A running task's progress: finished experiments out of its maximum; the best feasible
   * experiment's score and first objective's raw value (which legacy penalty SLOs leave apart);
   * whether its owner's lease has expired.
   */
  record RunningTask(
      String id,
      String name,
      long done,
      int max,
      double percent,
      long running,
      Double bestScore,
      Double bestValue,
      boolean ownerDead) {}

  /**
   * Computes the statistics of {@code logs} at {@code now}, with a window of {@code window}; leases
   * are judged at {@code storeNow}, the store's time.
   */
  static Statistics of(List<TaskLog> logs, Instant now, Duration window, Instant storeNow) {
    Instant since = now.minus(window);
    List<Task> tasks = logs.stream().map(TaskLog::task).toList();
    List<Experiment> experiments = logs.stream().flatMap(l -> l.experiments().stream()).toList();
    List<Experiment> finished = experiments.stream().filter(e -> e.status().isFinal()).toList();
    long succeeded =
        finished.stream().filter(e -> e.status() == ExperimentStatus.SUCCEEDED).count();
    return new Statistics(
        Json.time(now),
        (int) window.toHours(),
        count(tasks.stream(), TaskStatus.values(), t -> t.status().name()),
        count(experiments.stream(), ExperimentStatus.values(), e -> e.status().name()),
        count(
            tasks.stream().filter(t -> !t.createdAt().isBefore(since)),
            TaskStatus.values(),
            t -> t.status().name()),
        count(
            experiments.stream().filter(e -> !e.createdAt().isBefore(since)),
            ExperimentStatus.values(),
            e -> e.status().name()),
        meanSeconds(finished, now),
        finished.isEmpty() ? null : Json.oneDecimal(100.0 * succeeded / finished.size()),
        logs.stream()
            .filter(l -> l.task().status() == TaskStatus.RUNNING)
            .map(l -> progress(l, storeNow))
            .toList());
  }

  private static <T> Counts count(
      Stream<T> items, Enum<?>[] statuses, Function<T, String> statusOf) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (Enum<?> status : statuses) {
      byStatus.put(status.name(), 0L);
    }
    items.forEach(item -> byStatus.merge(statusOf.apply(item), 1L, Long::sum));
    long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
    return new Counts(total, byStatus);
  }

  private static Double meanSeconds(List<Experiment> finished, Instant now) {
    return finished.isEmpty()
        ? null
        : finished.stream()
            .mapToDouble(e -> Json.seconds(TaskLog.duration(e, now)))
            .average()
            .orElseThrow();
  }

  private static RunningTask progress(TaskLog log, Instant storeNow) {
    int max = log.task().spec().experimentBudget();
    long done = log.finished();
    return new RunningTask(
        log.task().id(),
        log.task().name(),
        done,
        max,
        Json.oneDecimal(Math.min(100.0, 100.0 * done / max)),
        log.running(),
        log.best().map(e -> e.score().getAsDouble()).orElse(null),
        log.best()
            .flatMap(e -> log.task().spec().assess(e))
            .map(a -> a.values().get(0))
            .orElse(null),
        log.task().ownerDead(storeNow));
  }
}
