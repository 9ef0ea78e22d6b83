package io.autotune.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.store.jdbc.JdbcCheckpointStore;
import io.autotune.store.jdbc.PostgresServer;
import io.autotune.testing.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fresh PostgreSQL database, tasks whose experiments run a shell command, and worker JVMs. The
 * command leaves one file per execution ({@code TASK.NUMBER.PID}): the side channel that counts how
 * often each experiment really ran.
 */
final class Cluster implements AutoCloseable {
  /** Experiments whose number is at most {@code LONG_UNTIL} run 30 s, the others 20 ms. */
  private static final String SCRIPT =
      "echo $$ > \"$AUTOTUNE_EXECUTIONS/$AUTOTUNE_TASK.$AUTOTUNE_EXPERIMENT.$$\";"
          + " if [ \"$AUTOTUNE_EXPERIMENT\" -le \"$LONG_UNTIL\" ]; then sleep 30;"
          + " else sleep \"$SHORT\"; fi;"
          + " echo \"{\\\"value\\\": $AUTOTUNE_EXPERIMENT}\"";

  final String url;
  final Path dir;
  final Path executions;
  final Duration ttl;
  final Duration grace;
  final JdbcCheckpointStore store;
  final List<WorkerProcess> workers = new ArrayList<>();

  Cluster(Path dir, Duration ttl, Duration grace) throws Exception {
    this.url = PostgresServer.freshDatabase();
    this.dir = dir;
    this.executions = Files.createDirectories(dir.resolve("executions"));
    this.ttl = ttl;
    this.grace = grace;
    this.store = PostgresServer.store(url).grace(grace).build();
  }

  List<Task> submit(int tasks, int experiments, int longUntil) {
    return submit(tasks, experiments, longUntil, "0.02");
  }

  /** Tasks whose experiments after {@code longUntil} sleep {@code seconds}. */
  List<Task> submit(int tasks, int experiments, int longUntil, String seconds) {
    ObjectNode runner = new ObjectMapper().createObjectNode().put("type", "command");
    runner.putArray("command").add("sh").add("-c").add(SCRIPT).add("experiment");
    runner
        .putObject("env")
        .put("AUTOTUNE_EXECUTIONS", executions.toString())
        .put("LONG_UNTIL", Integer.toString(longUntil))
        .put("SHORT", seconds);
    List<Task> submitted = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      submitted.add(
          store.createTask(
              TestSpecs.simple("task-" + i)
                  .withMaxExperiments(experiments)
                  .withSeed(i)
                  .withRunner(runner)));
    }
    return submitted;
  }

  WorkerProcess startWorker(String id, int slots, Map<String, String> env) throws IOException {
    WorkerProcess worker = WorkerProcess.start(id, url, dir, slots, ttl, grace, env);
    workers.add(worker);
    return worker;
  }

  /** A worker that claims whole tasks, each under one lease, instead of single experiments. */
  WorkerProcess startTaskWorker(String id, int slots, Map<String, String> env) throws IOException {
    WorkerProcess worker =
        WorkerProcess.start(
            id,
            url,
            PostgresServer.USER,
            PostgresServer.PASSWORD,
            dir,
            slots,
            ttl,
            grace,
            env,
            List.of("--claims", "TASKS"));
    workers.add(worker);
    return worker;
  }

  /** A worker on its own fake host ({@code HOSTNAME}) with {@code gpus} fake GPUs. */
  WorkerProcess startHost(String id, String host, int gpus) throws IOException {
    WorkerProcess worker =
        WorkerProcess.start(
            id,
            url,
            PostgresServer.USER,
            PostgresServer.PASSWORD,
            dir,
            0,
            ttl,
            grace,
            Map.of("HOSTNAME", host),
            List.of(
                "--gpus",
                Integer.toString(gpus),
                "--gpu-locks",
                dir.resolve(host + "-gpu-locks").toString()));
    workers.add(worker);
    return worker;
  }

  void awaitAllTasksFinal(Duration timeout) throws InterruptedException {
    await(timeout, () -> store.tasks().stream().allMatch(t -> t.status().isFinal()));
  }

  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Instant giveUp = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("not reached within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Executions counted through the side channel, by "task.number". */
  Map<String, Long> executionsByExperiment() throws IOException {
    try (Stream<Path> files = Files.list(executions)) {
      return files
          .map(f -> f.getFileName().toString())
          .collect(
              Collectors.groupingBy(
                  name -> name.substring(0, name.lastIndexOf('.')),
                  TreeMap::new,
                  Collectors.counting()));
    }
  }

  /** The pids of every execution whose command still runs. */
  List<Long> liveExecutions() throws IOException {
    try (Stream<Path> files = Files.list(executions)) {
      return files
          .map(f -> f.getFileName().toString())
          .map(name -> Long.parseLong(name.substring(name.lastIndexOf('.') + 1)))
          .filter(
              pid ->
                  ProcessHandle.of(pid)
                      .filter(ProcessHandle::isAlive)
                      .flatMap(h -> h.info().commandLine())
                      .filter(c -> c.contains("AUTOTUNE_EXECUTIONS"))
                      .isPresent())
          .toList();
    }
  }

  /**
   * Every task COMPLETED with its budget of SUCCEEDED experiments; no experiment left unfinished;
   * each recorded experiment ran at most once, each SUCCEEDED one exactly once, and nothing ran
   * that was not recorded.
   */
  void assertEveryTaskCompletedAndNothingRanTwice(int experiments) throws IOException {
    Map<String, Long> ran = executionsByExperiment();
    List<String> recorded = new ArrayList<>();
    for (Task task : store.tasks()) {
      assertThat(task.status()).as("task %s", task.name()).isEqualTo(TaskStatus.COMPLETED);
      assertThat(task.owner()).as("lease of %s", task.name()).isEmpty();
      List<Experiment> log = store.experiments(task.id());
      assertThat(log).allSatisfy(e -> assertThat(e.status().isFinal()).isTrue());
      assertThat(log)
          .filteredOn(e -> e.status() != ExperimentStatus.ABANDONED)
          .hasSize(experiments)
          .allSatisfy(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.SUCCEEDED));
      for (Experiment e : log) {
        String key = task.id() + "." + e.number();
        recorded.add(key);
        long times = ran.getOrDefault(key, 0L);
        if (e.status() == ExperimentStatus.SUCCEEDED) {
          assertThat(times).as("executions of %s", key).isEqualTo(1);
        } else {
          assertThat(times).as("executions of %s", key).isLessThanOrEqualTo(1);
        }
      }
    }
    assertThat(recorded).containsAll(ran.keySet());
  }

  /** Workers report trouble they recover from as warnings; an ERROR line is a bug. */
  void assertNoWorkerLoggedAnError() throws IOException {
    for (WorkerProcess w : workers) {
      assertThat(Files.readAllLines(dir.resolve(w.id + ".log")))
          .as("log of %s", w.id)
          .noneMatch(line -> line.contains(" ERROR "));
    }
  }

  @Override
  public void close() throws Exception {
    for (WorkerProcess w : workers) {
      if (w.process.isAlive()) {
        w.process.destroyForcibly();
        w.process.waitFor();
      }
    }
    store.close();
    PostgresServer.drop(url);
  }
}
