package io.autotune.examples.cli;

import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.spi.CheckpointStore;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  @Option(names = "--store", paramLabel = "URL", required = true, description = "the store")
  String store;

  @Override
  public Integer call() {
    try (CheckpointStore checkpoints = StoreOption.open(store)) {
      Task task =
          checkpoints
              .task(taskId)
              .orElseThrow(() -> new IllegalArgumentException("no task with id " + taskId));
      if (task.status().isFinal()) {
        System.out.println("task " + taskId + " is already " + task.status());
        return 0;
      }
      checkpoints.requestCancel(taskId);
      Optional<Lease> free =
          task.status() == TaskStatus.PENDING
              ? checkpoints.acquire(taskId, "cancel-" + UUID.randomUUID(), Duration.ofSeconds(30))
              : Optional.empty();
      if (free.isPresent()) {
        checkpoints.finishTask(free.get(), TaskStatus.CANCELLED);
        System.out.println("task " + taskId + " CANCELLED");
      } else {
        System.out.println(
            "cancellation requested; the task's owner stops it at its next heartbeat");
      }
    }
    return 0;
  }
}
