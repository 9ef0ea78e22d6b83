package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.model.Experiment;
import io.autotune.model.Task;
import io.autotune.model.TaskJson;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
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

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

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

  @Test
  void twoWorkersShareOneTasksExperimentsAndStatusShowsBoth() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("autotune") + ";AUTO_SERVER=TRUE";
    String slow =
        TASK.replace("\"max_iterations\": 3", "\"max_iterations\": 8")
            .replace(
                "\"x\": [1, 2, 3]", "\"x\": {\"type\": \"continuous\", \"low\": 0, \"high\": 1}")
            .replace("echo '", "sleep 1; echo '");
    try (JdbcCheckpointStore store = JdbcCheckpointStore.open(url)) {
      Task task = store.createTask(TaskJson.parse(slow));
      Process first = start(url, "first", "--slots", "2");
      Process second = start(url, "second", "--slots", "2");
      try {
        Instant giveUp = Instant.now().plusSeconds(60);
        int runningOn = 0;
        while (runningOn < 2 && Instant.now().isBefore(giveUp)) {
          StringWriter out = new StringWriter();
          AutotuneCli.execute(
              new PrintWriter(out, true),
              new PrintWriter(new StringWriter(), true),
              "status",
              "--store",
              url,
              "--json");
          runningOn = new ObjectMapper().readTree(out.toString()).get(0).path("running_on").size();
          Thread.sleep(100);
        }
        assertThat(runningOn).as("workers running the task's experiments at one time").isEqualTo(2);
        awaitStatus(store, task, TaskStatus.COMPLETED);
        assertThat(store.experiments(task.id()))
            .hasSize(8)
            .extracting(Experiment::workerId)
            .as("both workers ran experiments of the task")
            .containsAll(store.workers().stream().map(WorkerInfo::id).toList());
      } finally {
        first.destroyForcibly();
        second.destroyForcibly();
      }
    }
  }

  private Process start(String url) throws Exception {
    return start(url, "worker");
  }

  private Process start(String url, String name, String... options) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AutotuneCli.class.getName(),
                "worker",
                "--store",
                url,
                "--work-dir",
                dir.resolve(name).toString()));
    command.addAll(List.of(options));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(Files.createFile(dir.resolve(name + ".log")).toFile())
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
