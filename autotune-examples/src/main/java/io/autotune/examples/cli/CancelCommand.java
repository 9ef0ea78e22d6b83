package io.autotune.examples.cli;

import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cancel TASK --store URL}: asks the task's owner to stop it. A task nobody holds is
 * cancelled at once, so that no worker starts it only to notice the request later.
 */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = "Ask the owner of a task to stop it.")
final class CancelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TASK", description = "the task id")
  String taskId;

  @Mixin StoreOption.Required store;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CheckpointStore checkpoints = store.open()) {
      Task task =
          checkpoints
              .task(taskId)
              .orElseThrow(() -> new IllegalArgumentException("no task with id " + taskId));
      if (task.status().isFinal()) {
        out.println("task " + taskId + " is already " + task.status());
        return 0;
      }
      checkpoints.requestCancel(taskId);
      Optional<Lease> free =
          task.status() == TaskStatus.PENDING
              ? checkpoints.acquire(taskId, "cancel-" + UUID.randomUUID(), Duration.ofSeconds(30))
              : Optional.empty();
      if (free.isPresent()) {
        checkpoints.finishTask(free.get(), TaskStatus.CANCELLED);
        out.println("task " + taskId + " CANCELLED");
      } else {
        out.println("cancellation requested; the task's owner stops it at its next heartbeat");
      }
    }
    return 0;
  }
}
