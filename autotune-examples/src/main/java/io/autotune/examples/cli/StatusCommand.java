package io.autotune.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.model.Experiment;
import io.autotune.model.Task;
import io.autotune.spi.CheckpointStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status --store URL [--json]}: every task with its status, progress, best feasible value
 * (or Pareto front), how many succeeded experiments met the constraints, owner and lease (for a
 * task shared among workers: the workers running its experiments). A task whose owner's lease
 * expired shows as "owner dead", and its unfinished experiments are marked ABANDONED first (through
 * the store, which checks the lease by its clock).
 */
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
      Instant now = DeadOwners.abandon(checkpoints, spec.commandLine().getErr());
      ArrayNode rows = new ObjectMapper().createArrayNode();
      Table table =
          new Table("id", "name", "status", "progress", "best", "feasible", "owner", "lease")
              .alignRight(3, 4, 5);
      for (Task task : checkpoints.tasks()) {
        List<Experiment> log = checkpoints.experiments(task.id());
        Progress p = Progress.of(task, log);
        ObjectNode row = rows.addObject().put("id", task.id()).put("name", task.name());
        row.put("status", task.status().name()).put("finished", p.finished());
        row.put("max_experiments", task.spec().experimentBudget());
        p.best().ifPresentOrElse(b -> row.put("best", b), () -> row.putNull("best"));
        ArrayNode objectives = row.putArray("objectives");
        task.spec().objectives().forEach(o -> objectives.add(o.metric()));
        row.put("succeeded", p.succeeded()).put("feasible", p.feasible());
        Standings.numbers(row.putArray("pareto_front"), task.spec().paretoFront(log));
        row.put("owner", task.owner().orElse(null)).put("cancel_requested", task.cancelRequested());
        row.put("lease_expires_at", task.leaseExpiresAt().map(Instant::toString).orElse(null));
        row.put("owner_dead", task.ownerDead(now));
        List<String> runningOn = runningOn(log);
        runningOn.forEach(row.putArray("running_on")::add);
        table.row(
            task.id(),
            task.name(),
            DeadOwners.status(task, now),
            p.finished() + "/" + task.spec().experimentBudget(),
            best(task, log, p),
            p.feasible() + "/" + p.succeeded(),
            task.owner().orElse(shared(runningOn)),
            DeadOwners.lease(task, now));
      }
      out.print(json ? rows.toPrettyString() + System.lineSeparator() : table.toString());
    }
    return 0;
  }

  /** The workers running the task's unfinished experiments, each under its own lease. */
  private static List<String> runningOn(List<Experiment> log) {
    return log.stream()
        .filter(e -> !e.status().isFinal())
        .map(Experiment::workerId)
        .distinct()
        .sorted()
        .toList();
  }

  /** The owner column of a task whose experiments carry their own leases. */
  private static String shared(List<String> runningOn) {
    return switch (runningOn.size()) {
      case 0 -> "-";
      case 1 -> runningOn.get(0);
      default -> runningOn.size() + " workers";
    };
  }

  /**
   * The best feasible value of the only objective, e.g. {@code throughput 4500}; with several
   * objectives the size of the Pareto front, which {@code experiments TASK} lists.
   */
  private static String best(Task task, List<Experiment> log, Progress p) {
    if (task.spec().objectives().size() > 1) {
      return "Pareto front of " + task.spec().paretoFront(log).size();
    }
    return p.best()
        .map(b -> task.spec().objective().metric() + " " + ProgressPrinter.format(b))
        .orElse("-");
  }
}
