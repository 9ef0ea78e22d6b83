package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.model.Experiment;
import io.autotune.spi.CheckpointStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code experiments TASK --store URL [--json]}: one task's experiment log, after the store marked
 * the unfinished experiments of dead owners ABANDONED.
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

  @Option(names = "--json", description = "one JSON array instead of a table")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CheckpointStore checkpoints = store.open()) {
      if (checkpoints.task(taskId).isEmpty()) {
        throw new IllegalArgumentException("no task with id " + taskId);
      }
      DeadOwners.abandon(checkpoints, spec.commandLine().getErr());
      ArrayNode rows = JSON.createArrayNode();
      Table table = new Table("#", "status", "duration", "score", "configuration", "error");
      for (Experiment e : checkpoints.experiments(taskId)) {
        rows.add(toJson(e));
        table.row(
            Integer.toString(e.number()),
            e.status().name(),
            e.duration().map(ExperimentsCommand::seconds).orElse("-"),
            e.score().isPresent() ? ProgressPrinter.format(e.score().getAsDouble()) : "-",
            e.configuration().toString(),
            e.error().map(m -> m.lines().findFirst().orElse("")).orElse(""));
      }
      out.print(json ? rows.toPrettyString() + System.lineSeparator() : table.toString());
    }
    return 0;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  private static ObjectNode toJson(Experiment e) {
    ObjectNode row = JSON.createObjectNode().put("number", e.number());
    row.put("status", e.status().name());
    row.set("params", JSON.valueToTree(e.configuration().values()));
    row.set("metrics", JSON.valueToTree(e.metrics()));
    if (e.score().isPresent()) {
      row.put("score", e.score().getAsDouble());
    } else {
      row.putNull("score");
    }
    row.put("error", e.error().orElse(null));
    row.put("created_at", e.createdAt().toString());
    row.put("finished_at", e.finishedAt().map(Object::toString).orElse(null));
    row.put("worker", e.workerId()).put("epoch", e.epoch());
    return row;
  }
}
