package io.autotune.dashboard;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.Task;
import io.autotune.model.TaskSpec;
import io.autotune.space.ChoiceParameter;
import io.autotune.space.IntParameter;
import io.autotune.space.Parameter;
import io.autotune.space.RealParameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answers of {@code api/tasks}, {@code api/tasks/{id}} and {@code api/tasks/{id}/experiments}.
 */
final class TaskViews {
  private TaskViews() {}

  record TaskList(String timestamp, List<Summary> tasks) {}

  /**
   * A task's status and progress, as listed. {@code metric}, {@code direction} and the {@code
   * best_} fields are those of the first objective; {@code best_score} is its score, which legacy
   * penalty SLOs may have moved ({@code penalty_slos}), {@code best_values} the best's raw
   * objective values.
   *
   * @param succeeded experiments that succeeded
   * @param feasible succeeded experiments that met every constraint
   * @param paretoFront the numbers of the feasible experiments that no other feasible one dominates
   *     in every objective; with one objective, the best and its ties
   */
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
      boolean cancelRequested,
      List<ObjectiveView> objectives,
      List<ConstraintView> constraints,
      boolean penaltySlos,
      Map<String, Double> bestValues,
      long succeeded,
      long feasible,
      List<Integer> paretoFront) {}

  /** An objective: its metric and MAXIMIZE or MINIMIZE. */
  record ObjectiveView(String metric, String direction) {}

  /** A constraint: its metric must stay at or below the threshold. */
  record ConstraintView(String metric, double threshold) {}

  /** One task in full: its summary, search space, best configuration and best-so-far curve. */
  record Detail(
      String timestamp,
      Summary task,
      List<ParameterView> parameters,
      Map<String, Object> bestConfiguration,
      List<Point> bestSoFar,
      List<ConfirmedView> confirmed) {}

  /**
   * A configuration that the task's confirmation runs repeated: its runs, the mean of the first
   * objective and the half-width of its 95 % interval (null with fewer than two values).
   */
  record ConfirmedView(
      Map<String, Object> configuration,
      List<Integer> experiments,
      int feasibleRuns,
      Double mean,
      Double halfWidth95) {}

  /** A parameter of the search space, described for people. */
  record ParameterView(String name, String type, String range) {}

  /**
   * Experiment {@code number} on the best-so-far curve: its score and first objective's raw value
   * (null unless it succeeded), whether it met the constraints, and the score and raw value of the
   * best feasible experiment up to it (null until one is).
   */
  record Point(
      int number,
      String status,
      Double score,
      Double best,
      Double value,
      Boolean feasible,
      Double bestValue) {}

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
      List<Integer> gpus,
      Map<String, Double> objectives,
      Boolean feasible,
      Map<String, Double> slack,
      boolean pareto) {}

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
        t.spec().experimentBudget(),
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
        t.cancelRequested(),
        t.spec().objectives().stream()
            .map(o -> new ObjectiveView(o.metric(), o.direction().name()))
            .toList(),
        t.spec().constraints().stream()
            .map(c -> new ConstraintView(c.metric(), c.threshold()))
            .toList(),
        Standings.hasPenalty(t.spec()),
        best == null ? null : Standings.values(t.spec(), best),
        log.succeeded(),
        log.feasible(),
        List.copyOf(log.paretoFront()));
  }

  static Detail detail(TaskLog log, Instant now, Instant storeNow) {
    return new Detail(
        Json.time(now),
        summary(log, storeNow),
        log.task().spec().space().parameters().stream().map(TaskViews::describe).toList(),
        log.best().map(e -> e.configuration().values()).orElse(Map.of()),
        bestSoFar(log),
        log.task().spec().confirmed(log.experiments()).stream()
            .map(
                c ->
                    new ConfirmedView(
                        c.configuration().values(),
                        c.experiments(),
                        c.feasibleRuns(),
                        Double.isNaN(c.mean()) ? null : c.mean(),
                        c.halfWidth95().isPresent() ? c.halfWidth95().getAsDouble() : null))
            .toList());
  }

  /**
   * The best feasible experiment after each experiment, in number order, ranked as {@link
   * TaskLog#best()} ranks; null until one is feasible.
   */
  static List<Point> bestSoFar(TaskLog log) {
    TaskSpec spec = log.task().spec();
    var direction = spec.objective().direction();
    List<Point> points = new ArrayList<>();
    Experiment best = null;
    for (Experiment e : log.experiments()) {
      Optional<Assessment> a = spec.assess(e);
      Double score = TaskLog.isScored(e) ? e.score().getAsDouble() : null;
      boolean feasible = a.map(Assessment::feasible).orElse(false);
      if (feasible && (best == null || direction.isBetter(score, best.score().getAsDouble()))) {
        best = e;
      }
      points.add(
          new Point(
              e.number(),
              e.status().name(),
              score,
              best == null ? null : best.score().getAsDouble(),
              a.map(x -> x.values().get(0)).orElse(null),
              a.map(Assessment::feasible).orElse(null),
              best == null ? null : spec.assess(best).orElseThrow().values().get(0)));
    }
    return points;
  }

  static ExperimentList experiments(TaskLog log, Instant now) {
    Set<Integer> front = log.paretoFront();
    return new ExperimentList(
        Json.time(now),
        log.task().id(),
        log.experiments().stream().map(e -> experiment(log, front, e, now)).toList());
  }

  /** Experiment {@code number} of the task in full, if there is one. */
  static Optional<Object> experiment(TaskLog log, int number, Instant now) {
    Set<Integer> front = log.paretoFront();
    return log.experiments().stream()
        .filter(e -> e.number() == number)
        .findFirst()
        .<Object>map(e -> ExperimentDetail.of(log, experiment(log, front, e, now), e, now));
  }

  private static ExperimentView experiment(
      TaskLog log, Set<Integer> front, Experiment e, Instant now) {
    TaskSpec spec = log.task().spec();
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
        e.gpus(),
        Standings.values(spec, e),
        log.isFeasible(e),
        Standings.slack(spec, e),
        front.contains(e.number()));
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
