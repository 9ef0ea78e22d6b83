package io.autotune.examples.cli;

import io.autotune.model.Task;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskSpec;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.Strategy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code submit TASK.json --store URL}: adds a task to a shared store and prints its id. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = "Add a task to a shared store for workers to run; prints its id.")
final class SubmitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TASK.json", description = "the task file")
  Path taskFile;

  @Mixin StoreOption.Required store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TaskSpec read = TaskJson.read(taskFile);
    // the seed is fixed now, so that a worker that resumes the task proposes the same points
    TaskSpec spec =
        read.seed().isPresent() ? read : read.withSeed(new SplittableRandom().nextLong());
    Strategy.named(spec.strategy(), spec.strategyOptions()).validate(spec.space());
    try (CheckpointStore checkpoints = store.open()) {
      Task task = checkpoints.createTask(spec);
      out.println(task.id());
    }
    return 0;
  }
}
