package io.autotune.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Task;
import io.autotune.store.jdbc.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * One task on four hosts: worker JVMs with two fake GPUs each (own host name, own GPU locks), on
 * one PostgreSQL, claiming single experiments. Every host runs experiments of the one task at the
 * same time, and none is lost or run twice when workers are SIGKILLed.
 */
class ScaleOutTest {
  private static final int EXPERIMENTS = 40;
  private static final String SECONDS = "4";
  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @BeforeEach
  void needsPostgres() {
    PostgresServer.assumeReachable();
  }

  @Test
  void fourHostsRunOneTaskTogetherInAThirdOfOneHostsTime() throws Exception {
    Duration one = timeOnHosts(dir.resolve("one"), 1);
    Duration four = timeOnHosts(dir.resolve("four"), 4);
    double ratio = (double) four.toMillis() / one.toMillis();
    System.out.printf(
        "ScaleOutTest: %d experiments of %s s, 2 GPUs per host: one host %.1f s, four hosts"
            + " %.1f s, ratio %.2f%n",
        EXPERIMENTS, SECONDS, one.toMillis() / 1000.0, four.toMillis() / 1000.0, ratio);
    assertThat(ratio).isLessThanOrEqualTo(0.3);
  }

  @Test
  void killingRandomHostsWorkersLosesNothingAndRunsNothingTwice() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    try (Cluster cluster = new Cluster(dir, Duration.ofMillis(1500), Duration.ofMillis(500))) {
      for (int h = 0; h < 4; h++) {
        cluster.startHost("worker-" + h, "host-" + h, 2);
      }
      awaitStarted(cluster);
      Task task = cluster.submit(1, EXPERIMENTS, 0, "1").get(0);
      int started = 4;
      for (int kills = 0; kills < 4 && !isFinal(cluster, task); kills++) {
        Thread.sleep(2_500);
        List<WorkerProcess> live =
            cluster.workers.stream().filter(w -> w.process.isAlive()).toList();
        WorkerProcess victim = live.get(random.nextInt(live.size()));
        victim.kill();
        // its host gets a new worker, which reaps what the dead one left there
        String host = hostOf(victim);
        int id = started++;
        while (!("host-" + id % 4).equals(host)) {
          id = started++;
        }
        cluster.startHost("worker-" + id, host, 2);
      }
      cluster.awaitAllTasksFinal(TIMEOUT);
      for (WorkerProcess w : cluster.workers) {
        if (w.process.isAlive()) {
          w.stop(Duration.ofSeconds(20));
        }
      }
      cluster.assertEveryTaskCompletedAndNothingRanTwice(EXPERIMENTS);
      assertThat(cluster.liveExecutions()).as("experiment processes still running").isEmpty();
      assertThat(cluster.store.experiments(task.id()))
          .extracting(Experiment::workerId)
          .as("experiments ran on every host's workers")
          .hasSizeGreaterThan(EXPERIMENTS / 2);
    }
  }

  /** The time from submission to the end of one task on {@code hosts} hosts, checked. */
  private Duration timeOnHosts(Path where, int hosts) throws Exception {
    Files.createDirectories(where);
    try (Cluster cluster = new Cluster(where, Duration.ofSeconds(5), Duration.ofSeconds(1))) {
      for (int h = 0; h < hosts; h++) {
        cluster.startHost("worker-" + h, "host-" + h, 2);
      }
      awaitStarted(cluster);
      Instant start = Instant.now();
      Task task = cluster.submit(1, EXPERIMENTS, 0, SECONDS).get(0);
      cluster.awaitAllTasksFinal(TIMEOUT);
      Duration took = Duration.between(start, Instant.now());
      for (WorkerProcess w : cluster.workers) {
        w.stop(Duration.ofSeconds(20));
      }
      cluster.assertEveryTaskCompletedAndNothingRanTwice(EXPERIMENTS);
      cluster.assertNoWorkerLoggedAnError();
      List<Experiment> log = cluster.store.experiments(task.id());
      assertThat(maxHostsAtOnce(log)).as("hosts running the task at one time").isEqualTo(hosts);
      assertThat(log)
          .allSatisfy(e -> assertThat(e.gpus()).as("GPUs of experiment %d", e.number()).hasSize(1));
      return took;
    }
  }

  /** The most workers that had an experiment of the task running at the same instant. */
  private static int maxHostsAtOnce(List<Experiment> log) {
    int most = 0;
    for (Experiment e : log) {
      Instant at = e.startedAt().orElseThrow().plusMillis(100);
      Set<String> workers =
          log.stream()
              .filter(o -> o.status() == ExperimentStatus.SUCCEEDED)
              .filter(
                  o ->
                      !o.startedAt().orElseThrow().isAfter(at)
                          && o.finishedAt().orElseThrow().isAfter(at))
              .map(Experiment::workerId)
              .collect(Collectors.toSet());
      most = Math.max(most, workers.size());
    }
    return most;
  }

  private static void awaitStarted(Cluster cluster) throws InterruptedException {
    Cluster.await(
        Duration.ofSeconds(60),
        () ->
            cluster.workers.stream()
                .allMatch(
                    w -> {
                      try {
                        return Files.readString(cluster.dir.resolve(w.id + ".log"))
                            .contains("started");
                      } catch (java.io.IOException e) {
                        return false;
                      }
                    }));
  }

  /** The host a worker was started on: worker-N runs on host-(N mod 4). */
  private static String hostOf(WorkerProcess worker) {
    return "host-" + Integer.parseInt(worker.id.substring("worker-".length())) % 4;
  }

  private static boolean isFinal(Cluster cluster, Task task) {
    return cluster.store.task(task.id()).orElseThrow().status().isFinal();
  }
}
