package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.model.Task;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskStatus;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autotune worker} in a process of its own: it runs submitted tasks and stops on SIGTERM.
 */
class WorkerCommandTest {
  private static final String TASK =
      "{\"task_name\": \"for-the-worker\", \"parameters\": {\"x\": [1, 2, 3]},"
          + " \"optimization\": {\"strategy\": \"random\", \"max_iterations\": 3,"
          + " \"objective\": {\"metric\": \"value\", \"direction\": \"minimize\"}},"
          + " \"runner\": {\"type\": \"command\","
          + " \"command\": [\"sh\", \"-c\", \"echo '{\\\"value\\\": 1}'\"]}}";

  @TempDir Path dir;

  @Test
  void runsSubmittedTasksAndStopsGracefullyOnSigterm() throws Exception {
    // AUTO_SERVER lets this test and the worker process open the same H2 file
    String url = "jdbc:h2:file:" + dir.resolve("autotune") + ";AUTO_SERVER=TRUE";
    try (JdbcCheckpointStore store = JdbcCheckpointStore.open(url)) {
      Task task = store.createTask(TaskJson.parse(TASK));
      Process worker = start(url);
      try {
        awaitStatus(store, task, TaskStatus.COMPLETED);
        worker.destroy(); // SIGTERM
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(worker.exitValue()).isIn(0, 143);
        assertThat(store.experiments(task.id())).hasSize(3);
        assertThat(store.workers())
            .singleElement()
            .satisfies(w -> assertThat(w.stoppedAt()).isPresent());
      } finally {
        worker.destroyForcibly();
      }
    }
  }

  private Process start(String url) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AutotuneCli.class.getName(),
                "worker",
                "--store",
                url,
                "--work-dir",
                dir.resolve("runs").toString()))
        .redirectErrorStream(true)
        .redirectOutput(Files.createFile(dir.resolve("worker.log")).toFile())
        .start();
  }

  private static void awaitStatus(JdbcCheckpointStore store, Task task, TaskStatus status)
      throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(60);
    while (store.task(task.id()).orElseThrow().status() != status) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("task not " + status + " within 60 s");
      }
      Thread.sleep(100);
    }
  }
}
