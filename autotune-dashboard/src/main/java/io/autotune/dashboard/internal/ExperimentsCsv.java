package io.autotune.dashboard.internal;

import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.TaskSpec;
import io.autotune.space.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A task's experiment log as CSV (RFC 4180: CRLF line ends, a field with a comma, quote, CR or LF
 * in double quotes, a quote doubled), one row per experiment in number order. The columns: {@code
 * number, status, created_at, started_at, finished_at, duration_seconds, score, feasible, pareto},
 * one {@code param.NAME} per parameter of the search space, one {@code metric.NAME} per metric any
 * experiment reported (the objectives first, then by name), one {@code slack.NAME} per constraint,
 * then {@code worker} and {@code error}. Times are ISO-8601 UTC, numbers as Java prints a double,
 * an unknown value an empty field. Used by the dashboard ({@code api/tasks/{id}/experiments.csv})
 * and the CLI ({@code experiments TASK --csv}). Thread-safe: static functions only.
 */
public final class ExperimentsCsv {
  private static final String EOL = "\r\n";

  private ExperimentsCsv() {}

  /**
   * The CSV of {@code log}, experiments of a task with {@code spec}; {@code now} ends running ones.
   */
  public static String write(TaskSpec spec, List<Experiment> log, Instant now) {
    List<String> parameters = spec.space().parameters().stream().map(Parameter::name).toList();
    List<String> metrics = metricNames(spec, log);
    List<String> constraints = spec.constraints().stream().map(c -> c.metric()).toList();
    Set<Integer> front = new HashSet<>();
    spec.paretoFront(log).forEach(e -> front.add(e.number()));
    StringBuilder csv = new StringBuilder();
    List<String> header =
        new ArrayList<>(
            List.of(
                "number",
                "status",
                "created_at",
                "started_at",
                "finished_at",
                "duration_seconds",
                "score",
                "feasible",
                "pareto"));
    parameters.forEach(p -> header.add("param." + p));
    metrics.forEach(m -> header.add("metric." + m));
    constraints.forEach(c -> header.add("slack." + c));
    header.addAll(List.of("worker", "error"));
    line(csv, header);
    for (Experiment e : log) {
      Optional<Assessment> a = spec.assess(e);
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(e.number()));
      row.add(e.status().name());
      row.add(e.createdAt().toString());
      row.add(e.startedAt().map(Instant::toString).orElse(""));
      row.add(e.finishedAt().map(Instant::toString).orElse(""));
      row.add(seconds(e, now));
      row.add(e.score().isPresent() ? Double.toString(e.score().getAsDouble()) : "");
      row.add(a.map(x -> Boolean.toString(x.feasible())).orElse(""));
      row.add(Boolean.toString(front.contains(e.number())));
      parameters.forEach(p -> row.add(text(e.configuration().values().get(p))));
      metrics.forEach(m -> row.add(text(e.metrics().get(m))));
      for (int i = 0; i < constraints.size(); i++) {
        int index = i;
        row.add(a.map(x -> Double.toString(x.slack().get(index))).orElse(""));
      }
      row.add(e.workerId());
      row.add(e.error().orElse(""));
      line(csv, row);
    }
    return csv.toString();
  }

  /** One field as RFC 4180 wants it: quoted when it holds a comma, a quote, CR or LF. */
  public static String field(String value) {
    if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      csv.append(i == 0 ? "" : ",").append(field(fields.get(i)));
    }
    csv.append(EOL);
  }

  private static List<String> metricNames(TaskSpec spec, List<Experiment> log) {
    Set<String> names = new LinkedHashSet<>();
    spec.objectives().forEach(o -> names.add(o.metric()));
    log.stream().flatMap(e -> e.metrics().keySet().stream()).sorted().forEach(names::add);
    return List.copyOf(names);
  }

  private static String seconds(Experiment e, Instant now) {
    Instant start = e.startedAt().orElse(e.createdAt());
    Instant end = e.finishedAt().orElse(e.status().isFinal() ? start : now);
    Duration d = Duration.between(start, end);
    return Double.toString((d.isNegative() ? 0 : d.toMillis()) / 1000.0);
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
