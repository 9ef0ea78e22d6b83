package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.model.Assessment;
import io.autotune.model.Experiment;
import io.autotune.model.Objective;
import io.autotune.model.Slo;
import io.autotune.model.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How the commands show an experiment against its task: the raw value of each objective, whether it
 * met the constraints, and each constraint's slack; never a penalised score for a task that uses
 * its SLOs as constraints.
 */
final class Standings {
  private Standings() {}

  /** One header per objective, e.g. {@code throughput (max)}. */
  static List<String> headers(TaskSpec spec) {
    return spec.objectives().stream()
        .map(
            o ->
                o.metric()
                    + " ("
                    + o.direction().name().substring(0, 3).toLowerCase(Locale.ROOT)
                    + ")")
        .toList();
  }

  /** One cell per objective: its raw value, or "-" when the experiment did not succeed. */
  static List<String> values(TaskSpec spec, Experiment e) {
    Optional<Assessment> a = spec.assess(e);
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < spec.objectives().size(); i++) {
      int index = i;
      cells.add(a.map(x -> ProgressPrinter.format(x.values().get(index))).orElse("-"));
    }
    return cells;
  }

  /** "yes", "no" or "-" (did not succeed). */
  static String feasible(TaskSpec spec, Experiment e) {
    return spec.assess(e).map(a -> a.feasible() ? "yes" : "no").orElse("-");
  }

  /** "ttft_p90 0.25 > 0.2 (slack -25%), ..." for each constraint; "" without constraints. */
  static String slack(TaskSpec spec, Experiment e) {
    Optional<Assessment> a = spec.assess(e);
    if (a.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    List<Slo> constraints = spec.constraints();
    for (int i = 0; i < constraints.size(); i++) {
      Slo c = constraints.get(i);
      double actual = e.metrics().get(c.metric());
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %s %s %s (slack %+.0f%%)",
              c.metric(),
              ProgressPrinter.brief(actual),
              actual > c.threshold() ? ">" : "<=",
              ProgressPrinter.brief(c.threshold()),
              a.get().slack().get(i) * 100));
    }
    return String.join(", ", parts);
  }

  /** Whether a table should show the score: only where legacy penalty SLOs can move it. */
  static boolean hasPenalty(TaskSpec spec) {
    return spec.objective().slos().stream().anyMatch(s -> !s.isConstraint());
  }

  /**
   * Adds {@code "objectives": {"throughput": 4500.0}}, {@code "feasible": true} and {@code "slack":
   * {"ttft_p90": 0.25}} ((threshold − actual) / threshold, at least 0 when met); null values for an
   * experiment that did not succeed.
   */
  static void addTo(ObjectNode row, TaskSpec spec, Experiment e) {
    Optional<Assessment> a = spec.assess(e);
    if (a.isEmpty()) {
      row.putNull("objectives");
      row.putNull("feasible");
      row.putNull("slack");
      return;
    }
    ObjectNode values = row.putObject("objectives");
    List<Objective> objectives = spec.objectives();
    for (int i = 0; i < objectives.size(); i++) {
      values.put(objectives.get(i).metric(), a.get().values().get(i));
    }
    row.put("feasible", a.get().feasible());
    ObjectNode slack = row.putObject("slack");
    List<Slo> constraints = spec.constraints();
    for (int i = 0; i < constraints.size(); i++) {
      slack.put(constraints.get(i).metric(), a.get().slack().get(i));
    }
  }

  /** The numbers of the Pareto front's experiments, as a JSON array. */
  static ArrayNode numbers(ArrayNode into, List<Experiment> experiments) {
    experiments.forEach(e -> into.add(e.number()));
    return into;
  }

  /** The Pareto front as a table: number, objective values, slack, configuration. */
  static Table paretoTable(TaskSpec spec, List<Experiment> front) {
    List<String> header = new ArrayList<>(List.of("#"));
    header.addAll(headers(spec));
    header.add("slack");
    header.add("configuration");
    Table table =
        new Table(header.toArray(String[]::new))
            .alignRight(IntStream.range(0, header.size() - 2).toArray());
    for (Experiment e : front) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(e.number())));
      row.addAll(values(spec, e));
      row.add(slack(spec, e));
      row.add(e.configuration().toString());
      table.row(row.toArray(String[]::new));
    }
    return table;
  }
}
