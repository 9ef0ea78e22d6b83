package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.dashboard.internal.ExperimentsCsv;
import io.autotune.model.Experiment;
import io.autotune.model.TaskSpec;
import io.autotune.spi.CheckpointStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code experiments TASK --store URL [--json | --csv]}: one task's experiment log, after the store
 * marked the unfinished experiments of dead owners ABANDONED. {@code --csv} writes the columns of
 * the dashboard's {@code api/tasks/{id}/experiments.csv} ({@link ExperimentsCsv}).
 */
@Command(
    name = "experiments",
    mixinStandardHelpOptions = true,
    description = "Show one task's experiment log.")
final class ExperimentsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "TASK", description = "the task id")
  String taskId;

  @Mixin StoreOption.Required store;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Format format = new Format();

  /** A table by default; JSON or CSV instead, not both. */
  static final class Format {
    @Option(names = "--json", description = "one JSON array instead of a table")
    boolean json;

    @Option(
        names = "--csv",
        description =
            "CSV (RFC 4180) instead of a table: one column per parameter, metric and constraint")
    boolean csv;
  }

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CheckpointStore checkpoints = store.open()) {
      TaskSpec task =
          checkpoints
              .task(taskId)
              .orElseThrow(() -> new IllegalArgumentException("no task with id " + taskId))
              .spec();
      DeadOwners.abandon(checkpoints, spec.commandLine().getErr());
      List<Experiment> log = checkpoints.experiments(taskId);
      if (format.csv) {
        out.print(ExperimentsCsv.write(task, log, checkpoints.now()));
        out.flush();
        return 0;
      }
      ArrayNode rows = JSON.createArrayNode();
      String[] header = header(task);
      // the number, then duration, objective values and score (up to the last four columns)
      int[] numeric =
          IntStream.concat(IntStream.of(0), IntStream.range(2, header.length - 4)).toArray();
      Table table = new Table(header).alignRight(numeric);
      for (Experiment e : log) {
        rows.add(toJson(task, e));
        table.row(cells(task, e));
      }
      if (format.json) {
        out.print(rows.toPrettyString() + System.lineSeparator());
      } else {
        out.print(table);
        if (task.objectives().size() > 1) {
          out.println("Pareto front (feasible, not dominated):");
          out.print(Standings.paretoTable(task, task.paretoFront(log)));
        }
      }
    }
    return 0;
  }

  private static String[] header(TaskSpec task) {
    List<String> header = new ArrayList<>(List.of("#", "status", "duration"));
    header.addAll(Standings.headers(task));
    if (Standings.hasPenalty(task)) {
      header.add("score");
    }
    header.addAll(List.of("feasible", "slack", "configuration", "error"));
    return header.toArray(String[]::new);
  }

  private static String[] cells(TaskSpec task, Experiment e) {
    List<String> row =
        new ArrayList<>(
            List.of(
                Integer.toString(e.number()),
                e.status().name(),
                e.duration().map(ExperimentsCommand::seconds).orElse("-")));
    row.addAll(Standings.values(task, e));
    if (Standings.hasPenalty(task)) {
      row.add(e.score().isPresent() ? ProgressPrinter.format(e.score().getAsDouble()) : "-");
    }
    row.add(Standings.feasible(task, e));
    row.add(Standings.slack(task, e));
    row.add(e.configuration().toString());
    row.add(e.error().map(m -> m.lines().findFirst().orElse("")).orElse(""));
    return row.toArray(String[]::new);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  private static ObjectNode toJson(TaskSpec task, Experiment e) {
    ObjectNode row = JSON.createObjectNode().put("number", e.number());
    row.put("status", e.status().name());
    row.set("params", JSON.valueToTree(e.configuration().values()));
    row.set("metrics", JSON.valueToTree(e.metrics()));
    if (e.score().isPresent()) {
      row.put("score", e.score().getAsDouble());
    } else {
      row.putNull("score");
    }
    Standings.addTo(row, task, e);
    row.put("error", e.error().orElse(null));
    row.put("created_at", e.createdAt().toString());
    row.put("finished_at", e.finishedAt().map(Object::toString).orElse(null));
    row.put("worker", e.workerId()).put("epoch", e.epoch());
    return row;
  }
}
