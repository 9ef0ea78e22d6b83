package io.autotune.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.StoreException;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.testing.TestSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One H2 file, the default store, used by a worker JVM and by this JVM at the same time (as `run`
 * and `status` in two terminals): no "file is locked", and a worker killed with SIGKILL shows as a
 * dead owner whose experiments a reader marks ABANDONED, while the lease stays fenced until another
 * worker takes the task over.
 */
class H2SharedFileTest {
  private static final Duration TTL = Duration.ofSeconds(2);
  private static final Duration GRACE = Duration.ofSeconds(1);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void aReaderOpensTheFileOfARunningWorkerAndMarksItsExperimentsAbandonedAfterASigkill()
      throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("autotune"); // as a user writes it, no AUTO_SERVER
    Path executions = Files.createDirectories(dir.resolve("executions"));
    String taskId;
    try (JdbcCheckpointStore first = store(url)) {
      taskId = first.createTask(spec(executions)).id();
    } // closed: the worker opens the file first and serves it, as `run` does

    WorkerProcess dead = start("dead", url);
    try (JdbcCheckpointStore reader = store(url)) {
      Cluster.await(Duration.ofSeconds(60), () -> running(reader, taskId).isPresent());
      Task held = reader.task(taskId).orElseThrow();
      assertThat(held.owner()).contains("dead");
      assertThat(held.ownerDead(reader.now())).isFalse();
      assertThat(reader.abandonDeadOwners()).as("a live owner is never overruled").isEmpty();
      long orphan = executionPids(executions).get(0);

      dead.kill(); // SIGKILL: no release, no ABANDONED written, its experiment's process left
      Cluster.await(
          Duration.ofSeconds(30), () -> reader.task(taskId).orElseThrow().ownerDead(reader.now()));
      List<Experiment> marked = reader.abandonDeadOwners();
      assertThat(marked).singleElement().satisfies(e -> assertThat(e.number()).isEqualTo(1));
      Experiment abandoned = reader.experiments(taskId).get(0);
      assertThat(abandoned.status()).isEqualTo(ExperimentStatus.ABANDONED);
      assertThat(abandoned.error()).hasValueSatisfying(m -> assertThat(m).contains("dead"));
      Task expired = reader.task(taskId).orElseThrow();
      assertThat(expired.status()).isEqualTo(TaskStatus.RUNNING);
      assertThat(expired.owner()).contains("dead");
      assertThat(expired.epoch()).isEqualTo(held.epoch());
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

      // another worker takes the task over past TTL + grace, kills the orphan and finishes
      WorkerProcess next = start("next", url);
      try {
        Cluster.await(
            Duration.ofSeconds(60),
            () -> reader.task(taskId).orElseThrow().status() == TaskStatus.COMPLETED);
        // killed on takeover; the killed process lingers until init reaps it, its parent being dead
        Cluster.await(
            Duration.ofSeconds(10),
            () -> ProcessHandle.of(orphan).filter(ProcessHandle::isAlive).isEmpty());
        List<Experiment> log = reader.experiments(taskId);
        assertThat(log)
            .extracting(Experiment::status)
            .containsExactly(
                ExperimentStatus.ABANDONED, ExperimentStatus.SUCCEEDED, ExperimentStatus.SUCCEEDED);
        assertThat(log.get(1).epoch()).isEqualTo(held.epoch() + 1);
        next.stop(Duration.ofSeconds(20));
      } finally {
        next.kill();
      }
    } finally {
      dead.kill();
      for (long pid : executionPids(executions)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void aFileHeldByAProcessThatDoesNotServeItFailsWithAHint() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("exclusive");
    WorkerProcess exclusive = start("exclusive", url + ";AUTO_SERVER=FALSE");
    try {
      Cluster.await(
          Duration.ofSeconds(60),
          () ->
              log(exclusive).contains("worker exclusive started") || !exclusive.process.isAlive());
      assertThatThrownBy(() -> store(url).close())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("The file is locked")
          .hasMessageContaining("without AUTO_SERVER=TRUE");
    } finally {
      exclusive.kill();
    }
  }

  private String log(WorkerProcess worker) {
    try {
      return Files.readString(dir.resolve(worker.id + ".log"));
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static Optional<Experiment> running(JdbcCheckpointStore store, String taskId) {
    return store.experiments(taskId).stream()
        .filter(e -> e.status() == ExperimentStatus.BENCHMARKING)
        .filter(e -> !e.processes().isEmpty())
        .findFirst();
  }

  private WorkerProcess start(String id, String url) throws Exception {
    // one owner for the task, as `run` is
    return WorkerProcess.start(
        id, url, "sa", "", dir, 1, TTL, GRACE, Map.of(), List.of("--claims", "TASKS"));
  }

  private static JdbcCheckpointStore store(String url) {
    return JdbcCheckpointStore.builder().url(url).user("sa").password("").grace(GRACE).build();
  }

  /** Two experiments: number 1 sleeps a minute (it is running when its worker dies). */
  private static io.autotune.model.TaskSpec spec(Path executions) {
    ObjectNode runner = new ObjectMapper().createObjectNode().put("type", "command");
    runner
        .putArray("command")
        .add("sh")
        .add("-c")
        .add(
            "echo $$ > \"$EXECUTIONS/$AUTOTUNE_EXPERIMENT.$$\";"
                + " if [ \"$AUTOTUNE_EXPERIMENT\" -eq 1 ]; then sleep 60; fi;"
                + " echo '{\"value\": 1}'");
    runner.putObject("env").put("EXECUTIONS", executions.toString());
    return TestSpecs.simple("shared-h2").withMaxExperiments(2).withSeed(1).withRunner(runner);
  }

  private static List<Long> executionPids(Path executions) throws Exception {
    try (Stream<Path> files = Files.list(executions)) {
      return files
          .map(f -> f.getFileName().toString())
          .map(name -> Long.parseLong(name.substring(name.lastIndexOf('.') + 1)))
          .toList();
    }
  }
}
