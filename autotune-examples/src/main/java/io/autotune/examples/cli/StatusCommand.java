package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.model.Experiment;
import io.autotune.model.Task;
import io.autotune.spi.CheckpointStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status --store URL [--json]}: every task with its status, progress and best score. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "List tasks: status, progress, best score.")
final class StatusCommand implements Callable<Integer> {
  @Mixin StoreOption.Required store;

  @Option(names = "--json", description = "one JSON array instead of a table")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (CheckpointStore checkpoints = store.open()) {
      ArrayNode rows = new ObjectMapper().createArrayNode();
      Table table = new Table("id", "name", "status", "progress", "best", "owner").alignRight(3, 4);
      for (Task task : checkpoints.tasks()) {
        List<Experiment> log = checkpoints.experiments(task.id());
        Progress p = Progress.of(task, log);
        ObjectNode row = rows.addObject().put("id", task.id()).put("name", task.name());
        row.put("status", task.status().name()).put("finished", p.finished());
        row.put("max_experiments", task.spec().maxExperiments());
        p.best().ifPresentOrElse(b -> row.put("best", b), () -> row.putNull("best"));
        row.put("owner", task.owner().orElse(null)).put("cancel_requested", task.cancelRequested());
        table.row(
            task.id(),
            task.name(),
            task.status().name(),
            p.finished() + "/" + task.spec().maxExperiments(),
            p.best().map(ProgressPrinter::format).orElse("-"),
            task.owner().orElse("-"));
      }
      out.print(json ? rows.toPrettyString() + System.lineSeparator() : table.toString());
    }
    return 0;
  }
}
