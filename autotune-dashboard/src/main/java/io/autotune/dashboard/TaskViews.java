package io.autotune.dashboard;

import io.autotune.model.Experiment;
import io.autotune.model.Task;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answers of {@code api/tasks}, {@code api/tasks/{id}} and {@code api/tasks/{id}/experiments}.
 */
final class TaskViews {
  private TaskViews() {}

  record TaskList(String timestamp, List<Summary> tasks) {}

  /** A task's status and progress, as listed. */
  record Summary(
      String id,
      String name,
      String status,
      String strategy,
      String metric,
      String direction,
      int maxExperiments,
      int experiments,
      long finished,
      long running,
      Double bestScore,
      Integer bestNumber,
      String createdAt,
      String updatedAt,
      String owner,
      String leaseExpiresAt,
      boolean ownerDead,
      boolean cancelRequested) {}

  /** One task in full: its summary, search space, best configuration and best-so-far curve. */
  record Detail(
      String timestamp,
      Summary task,
      List<ParameterView> parameters,
      Map<String, Object> bestConfiguration,
      List<Point> bestSoFar) {}

  /** A parameter of the search space, described for people. */
  record ParameterView(String name, String type, String range) {}

  /** Experiment {@code number}'s score (null unless it succeeded) and the best up to it. */
  record Point(int number, String status, Double score, Double best) {}

  record ExperimentList(String timestamp, String taskId, List<ExperimentView> experiments) {}

  record ExperimentView(
      int number,
      String status,
      String createdAt,
      String startedAt,
      String finishedAt,
      double durationSeconds,
      Double score,
      Map<String, Double> metrics,
      Map<String, Object> parameters,
      String error,
      String workerId,
      List<Integer> gpus) {}

  /** The tasks at {@code now}; leases judged at {@code storeNow}, the store's time. */
  static TaskList list(List<TaskLog> logs, Instant now, Instant storeNow) {
    return new TaskList(Json.time(now), logs.stream().map(l -> summary(l, storeNow)).toList());
  }

  static Summary summary(TaskLog log, Instant storeNow) {
    Task t = log.task();
    Experiment best = log.best().orElse(null);
    return new Summary(
        t.id(),
        t.name(),
        t.status().name(),
        t.spec().strategy(),
        t.spec().objective().metric(),
        t.spec().objective().direction().name(),
        t.spec().maxExperiments(),
        log.experiments().size(),
        log.finished(),
        log.running(),
        best == null ? null : best.score().getAsDouble(),
        best == null ? null : best.number(),
        Json.time(t.createdAt()),
        Json.time(t.updatedAt()),
        t.owner().orElse(null),
        Json.time(t.leaseExpiresAt()),
        t.ownerDead(storeNow),
        t.cancelRequested());
  }

  static Detail detail(TaskLog log, Instant now, Instant storeNow) {
    return new Detail(
        Json.time(now),
        summary(log, storeNow),
        log.task().spec().space().parameters().stream().map(TaskViews::describe).toList(),
        log.best().map(e -> e.configuration().values()).orElse(Map.of()),
        bestSoFar(log));
  }

  /** The best score after each experiment, in number order; null until one succeeds. */
  static List<Point> bestSoFar(TaskLog log) {
    var direction = log.task().spec().objective().direction();
    List<Point> points = new ArrayList<>();
    Double best = null;
    for (Experiment e : log.experiments()) {
      Double score = TaskLog.isScored(e) ? e.score().getAsDouble() : null;
      if (score != null && (best == null || direction.isBetter(score, best))) {
        best = score;
      }
      points.add(new Point(e.number(), e.status().name(), score, best));
    }
    return points;
  }

  static ExperimentList experiments(TaskLog log, Instant now) {
    return new ExperimentList(
        Json.time(now),
        log.task().id(),
        log.experiments().stream().map(e -> experiment(e, now)).toList());
  }

  private static ExperimentView experiment(Experiment e, Instant now) {
    return new ExperimentView(
        e.number(),
        e.status().name(),
        Json.time(e.createdAt()),
        Json.time(e.startedAt()),
        Json.time(e.finishedAt()),
        Json.seconds(TaskLog.duration(e, now)),
        Json.number(e.score()),
        e.metrics(),
        e.configuration().values(),
        e.error().orElse(null),
        e.workerId(),
        e.gpus());
  }

  private static ParameterView describe(Parameter p) {
    if (p instanceof IntParameter i) {
      String step = i.step() == 1 ? "" : " step " + i.step();
      return new ParameterView(
          p.name(), "integer", i.low() + " … " + i.high() + step + (i.log() ? " (log)" : ""));
    }
    if (p instanceof RealParameter r) {
      return new ParameterView(
          p.name(), "real", r.low() + " … " + r.high() + (r.log() ? " (log)" : ""));
    }
    return new ParameterView(p.name(), "choice", ((ChoiceParameter) p).choices().toString());
  }
}
