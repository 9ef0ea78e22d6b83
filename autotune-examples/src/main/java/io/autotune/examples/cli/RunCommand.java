package io.autotune.examples.cli;

import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.dashboard.DashboardServlet;
import io.autotune.examples.web.DashboardServer;
import io.autotune.gpu.nvml.GpuMonitors;
import io.autotune.model.Confirmed;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.runner.RunnerFactory;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code run TASK.json}: runs one task here, resuming it if an earlier run was interrupted. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run one task here; resume it if interrupted.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TASK.json", description = "the task file")
  Path taskFile;

  @Mixin StoreOption.OrDefault store;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "the strategy's seed (default: the task's, or random)")
  Long seed;

  @Option(
      names = "--dashboard",
      paramLabel = "PORT",
      description = "serve the dashboard on 127.0.0.1:PORT while the task runs")
  Integer dashboard;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "experiments at a time (default: 1)")
  int parallel = 1;

  @Option(
      names = "--lease-ttl",
      paramLabel = "SECONDS",
      description =
          "the lease's time to live: how soon another process sees this one dead if it is killed"
              + " (default: ${DEFAULT-VALUE})")
  long leaseTtl = 30;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    TaskSpec read = TaskJson.read(taskFile);
    TaskSpec spec = seed == null ? read : read.withSeed(seed);
    RunnerFactory runners = Runners.all();
    runners.create(spec); // a bad runner section fails here, before anything is stored
    try (CheckpointStore checkpoints = store.open();
        GpuMonitor gpus = GpuMonitors.detect();
        DashboardServer server = dashboard == null ? null : serveDashboard(checkpoints, gpus)) {
      if (server != null) {
        out.println("dashboard at " + server.uri());
      }
      Tuner tuner =
          Tuner.builder()
              .store(checkpoints)
              .runners(runners)
              .parallelism(parallel)
              .leaseTtl(Duration.ofSeconds(leaseTtl))
              .gpuMonitor(gpus)
              .hostGpuLocks(WorkerCommand.GPU_LOCKS)
              .listener(new ProgressPrinter(out))
              .build();
      CountDownLatch done = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopGracefully(tuner, done)));
      Optional<Task> unfinished = unfinished(checkpoints, spec);
      unfinished.ifPresent(t -> out.println("resuming task " + t.id() + " (" + t.name() + ")"));
      TuningResult result;
      try {
        result = unfinished.map(t -> tuner.resume(t.id())).orElseGet(() -> tuner.run(spec));
      } finally {
        done.countDown();
      }
      printSummary(spec, result, out);
      out.flush();
      return result.best().isPresent() ? 0 : 1;
    }
  }

  private DashboardServer serveDashboard(CheckpointStore checkpoints, GpuMonitor gpus) {
    return DashboardServer.start(
        new DashboardServlet(checkpoints, gpus, DashboardCommand.options(System.getenv())),
        dashboard);
  }

  /** On SIGTERM or Ctrl-C: abandon the running experiments cleanly so a rerun resumes at once. */
  private static void stopGracefully(Tuner tuner, CountDownLatch done) {
    tuner.stop();
    try {
      done.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Task> unfinished(CheckpointStore store, TaskSpec spec) {
    return store.tasks().stream()
        .filter(t -> !t.status().isFinal() && t.name().equals(spec.name()))
        .max(Comparator.comparing(Task::createdAt));
  }

  private static void printSummary(TaskSpec spec, TuningResult result, PrintWriter out) {
    out.printf(
        "task %s %s after %d experiments%n",
        result.taskId(), result.status(), result.experiments().size());
    if (!result.status().isFinal()) {
      out.println("stopped before the end; run the same command again to resume");
    }
    long succeeded =
        result.experiments().stream().filter(e -> e.status() == ExperimentStatus.SUCCEEDED).count();
    if (succeeded == 0) {
      out.println("no experiment succeeded");
    } else if (result.best().isEmpty()) {
      out.println(succeeded + " experiments succeeded, but none met every constraint");
    } else if (spec.objectives().size() > 1) {
      out.println(
          "Pareto front: "
              + result.paretoFront().size()
              + " feasible experiments that no other beats in every objective");
      out.print(Standings.paretoTable(spec, result.paretoFront()));
    } else {
      printBest(spec, result.best().get(), out);
    }
    if (!result.confirmed().isEmpty()) {
      printConfirmed(spec, result, out);
    }
  }

  /** The confirmation runs: each repeated configuration's mean ± 95 % interval, the pick first. */
  private static void printConfirmed(TaskSpec spec, TuningResult result, PrintWriter out) {
    String metric = spec.objective().metric();
    out.println(
        result
            .confirmedBest()
            .map(
                c ->
                    "confirmed best: "
                        + c.configuration().values()
                        + ", "
                        + metric
                        + " "
                        + ProgressPrinter.format(c.mean())
                        + (c.halfWidth95().isPresent() ? " ± " + halfWidth(c) : "")
                        + " over "
                        + c.values().size()
                        + " runs")
            .orElse("confirmation runs: no configuration met every constraint in every run"));
    Table table =
        new Table("first run", "runs", "feasible", metric + " mean", "± 95 %", "configuration")
            .alignRight(1, 2, 3, 4);
    for (Confirmed c : result.confirmed()) {
      table.row(
          "#" + c.experiments().get(0),
          Integer.toString(c.experiments().size()),
          c.feasibleRuns() + "/" + c.experiments().size(),
          ProgressPrinter.format(c.mean()),
          halfWidth(c),
          c.configuration().values().toString());
    }
    out.print(table);
  }

  private static String halfWidth(Confirmed c) {
    return c.halfWidth95().isPresent()
        ? ProgressPrinter.format(c.halfWidth95().getAsDouble())
        : "-";
  }

  private static void printBest(TaskSpec spec, Experiment best, PrintWriter out) {
    String slack = Standings.slack(spec, best);
    out.println(
        "best: experiment #"
            + best.number()
            + ", "
            + ProgressPrinter.values(spec, best)
            + (slack.isEmpty() ? "" : ", constraints met: " + slack));
    Table table = new Table("parameter", "value");
    best.configuration().values().forEach((k, v) -> table.row(k, String.valueOf(v)));
    out.print(table);
    Table metrics = new Table("metric", "value").alignRight(1);
    best.metrics().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> metrics.row(e.getKey(), ProgressPrinter.format(e.getValue())));
    out.print(metrics);
  }
}
