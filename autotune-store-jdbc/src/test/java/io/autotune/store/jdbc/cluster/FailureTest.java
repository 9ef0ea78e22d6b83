package io.autotune.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.ProcessRef;
import io.autotune.model.Task;
import io.autotune.store.jdbc.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** A worker that freezes past its lease, and a database that goes away for ten seconds. */
class FailureTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @BeforeEach
  void needsPostgres() {
    PostgresServer.assumeReachable();
  }

  @Test
  void aFrozenOwnerThatWakesUpAfterATakeoverWritesNothingAndKillsItsProcesses() throws Exception {
    try (Cluster cluster = new Cluster(dir, Duration.ofSeconds(2), Duration.ofSeconds(1))) {
      Task task = cluster.submit(1, 3, 1).get(0);
      WorkerProcess zombie = cluster.startTaskWorker("zombie", 1, Map.of());
      Cluster.await(Duration.ofSeconds(60), () -> firstExecution(cluster).isPresent());
      long experimentPid = firstExecution(cluster).orElseThrow();
      long zombieEpoch = cluster.store.task(task.id()).orElseThrow().epoch();

      zombie.signal("STOP");
      Thread.sleep(cluster.ttl.plus(cluster.grace).toMillis());
      // another host's worker: it cannot reap the zombie's processes, so only the zombie can
      cluster.startTaskWorker("successor", 1, Map.of("HOSTNAME", "another-host"));
      Cluster.await(
          Duration.ofSeconds(60),
          () ->
              cluster.store.task(task.id()).orElseThrow().owner().equals(Optional.of("successor")));
      zombie.signal("CONT");

      Cluster.await(Duration.ofSeconds(30), () -> !isAlive(experimentPid));
      cluster.awaitAllTasksFinal(Duration.ofSeconds(60));
      for (WorkerProcess w : cluster.workers) {
        w.stop(Duration.ofSeconds(20));
      }
      cluster.assertEveryTaskCompletedAndNothingRanTwice(3);
      List<Experiment> log = cluster.store.experiments(task.id());
      assertThat(log.get(0).status()).isEqualTo(ExperimentStatus.ABANDONED);
      assertThat(log.get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("zombie"));
      assertThat(log.subList(1, log.size()))
          .allSatisfy(
              e -> {
                assertThat(e.workerId()).isEqualTo("successor");
                assertThat(e.epoch()).isGreaterThan(zombieEpoch);
              });
      assertThat(Files.readString(dir.resolve("zombie.log"))).contains("lease lost");
    }
  }

  @Test
  void aFrozenWorkerWhoseExperimentLeaseExpiredWritesNothingAndKillsItsProcess() throws Exception {
    try (Cluster cluster = new Cluster(dir, Duration.ofSeconds(2), Duration.ofSeconds(1))) {
      Task task = cluster.submit(1, 3, 1).get(0);
      WorkerProcess zombie = cluster.startWorker("zombie", 1, Map.of());
      Cluster.await(Duration.ofSeconds(60), () -> firstExecution(cluster).isPresent());
      long experimentPid = firstExecution(cluster).orElseThrow();
      long zombieEpoch = cluster.store.experiments(task.id()).get(0).epoch();

      zombie.signal("STOP");
      Thread.sleep(cluster.ttl.toMillis());
      // another host's worker: it cannot reap the zombie's processes, so only the zombie can
      cluster.startWorker("successor", 1, Map.of("HOSTNAME", "another-host"));
      Cluster.await(
          Duration.ofSeconds(60),
          () ->
              cluster.store.experiments(task.id()).stream()
                  .anyMatch(e -> e.workerId().equals("successor")));
      zombie.signal("CONT");

      Cluster.await(Duration.ofSeconds(30), () -> !isAlive(experimentPid));
      cluster.awaitAllTasksFinal(Duration.ofSeconds(60));
      for (WorkerProcess w : cluster.workers) {
        w.stop(Duration.ofSeconds(20));
      }
      cluster.assertEveryTaskCompletedAndNothingRanTwice(3);
      List<Experiment> log = cluster.store.experiments(task.id());
      assertThat(log.get(0).status()).isEqualTo(ExperimentStatus.ABANDONED);
      assertThat(log.get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("zombie"));
      assertThat(log.subList(1, log.size()))
          .allSatisfy(e -> assertThat(e.epoch()).isGreaterThan(zombieEpoch));
      assertThat(log)
          .filteredOn(e -> e.workerId().equals("successor"))
          .as("the successor ran the abandoned configuration again")
          .anySatisfy(e -> assertThat(e.configuration()).isEqualTo(log.get(0).configuration()));
      assertThat(Files.readString(dir.resolve("zombie.log"))).contains("lease lost");
    }
  }

  @Test
  void aWorkerStartingOnAHostKillsTheProcessesThatItsDeadWorkersLeft() throws Exception {
    // a long lease: nobody takes the task over during the test, only the reaper can act
    try (Cluster cluster = new Cluster(dir, Duration.ofSeconds(60), Duration.ofSeconds(1))) {
      Task task = cluster.submit(1, 3, 1).get(0);
      WorkerProcess crashed = cluster.startWorker("crashed", 1, Map.of());
      Cluster.await(Duration.ofSeconds(60), () -> firstExecution(cluster).isPresent());
      long orphan = firstExecution(cluster).orElseThrow();
      // the script writes its file before the worker records its pid: a crash in between leaves a
      // process that no record names, which nobody can reap
      Cluster.await(Duration.ofSeconds(30), () -> recordedPids(cluster, task).contains(orphan));
      crashed.kill();
      assertThat(isAlive(orphan)).as("the experiment outlives its worker").isTrue();

      WorkerProcess restarted = cluster.startWorker("restarted", 1, Map.of());
      Cluster.await(Duration.ofSeconds(20), () -> !isAlive(orphan));
      assertThat(cluster.store.experiments(task.id()).get(0).workerId())
          .as("nobody took experiment 1 over: only the reaper acted")
          .isEqualTo("crashed");
      restarted.stop(Duration.ofSeconds(20));
      assertThat(Files.readString(dir.resolve("restarted.log")))
          .contains("killed orphan process " + orphan);
      cluster.assertNoWorkerLoggedAnError();
    }
  }

  @Test
  void workersRideOutATenSecondDatabaseOutageAndLoseNothing() throws Exception {
    String ctl = System.getenv("AUTOTUNE_TEST_PG_CTL");
    assumeTrue(
        ctl != null, "AUTOTUNE_TEST_PG_CTL (from .ci/postgres.sh) says how to stop the server");
    int experiments = 40;
    try (Cluster cluster = new Cluster(dir, Duration.ofSeconds(20), Duration.ofSeconds(1))) {
      cluster.submit(6, experiments, 0);
      cluster.startWorker("worker-0", 2, Map.of());
      cluster.startWorker("worker-1", 2, Map.of());
      Cluster.await(Duration.ofSeconds(90), () -> succeeded(cluster) >= 10);
      assertThat(succeeded(cluster)).as("still running when the database stops").isLessThan(200);
      try {
        run(ctl, "stop");
        Thread.sleep(10_000);
      } finally {
        run(ctl, "start");
      }
      cluster.awaitAllTasksFinal(Duration.ofSeconds(120));
      for (WorkerProcess w : cluster.workers) {
        w.stop(Duration.ofSeconds(20));
      }
      cluster.assertEveryTaskCompletedAndNothingRanTwice(experiments);
      cluster.assertNoWorkerLoggedAnError();
      assertThat(Files.readString(dir.resolve("worker-0.log"))).contains("retry");
    }
  }

  private static long succeeded(Cluster cluster) {
    return cluster.store.tasks().stream()
        .flatMap(t -> cluster.store.experiments(t.id()).stream())
        .filter(e -> e.status() == ExperimentStatus.SUCCEEDED)
        .count();
  }

  private static List<Long> recordedPids(Cluster cluster, Task task) {
    return cluster.store.experiments(task.id()).stream()
        .flatMap(e -> e.processes().stream())
        .map(ProcessRef::pid)
        .toList();
  }

  private static Optional<Long> firstExecution(Cluster cluster) {
    try (Stream<Path> files = Files.list(cluster.executions)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.contains(".1."))
          .map(name -> Long.parseLong(name.substring(name.lastIndexOf('.') + 1)))
          .findFirst();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void run(String ctl, String action) throws Exception {
    Process p = new ProcessBuilder(ctl, action).inheritIO().start();
    assertThat(p.waitFor()).as(ctl + " " + action).isZero();
  }
}
