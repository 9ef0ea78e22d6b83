package io.autotune.store.jdbc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.store.jdbc.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers in separate JVMs on one PostgreSQL (like db-scheduler's cluster test): every experiment
 * runs and is recorded exactly once, whatever happens to the workers.
 */
class ClusterTest {
  private static final int TASKS = 20;
  private static final int EXPERIMENTS = 25;
  private static final Duration TIMEOUT = Duration.ofSeconds(150);

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @BeforeEach
  void needsPostgres() {
    PostgresServer.assumeReachable();
  }

  @Test
  void fourWorkersRunEveryExperimentExactlyOnce() throws Exception {
    try (Cluster cluster = new Cluster(dir, Duration.ofSeconds(5), Duration.ofSeconds(1))) {
      cluster.submit(TASKS, EXPERIMENTS, 0);
      for (int i = 0; i < 4; i++) {
        cluster.startWorker("worker-" + i, 2, Map.of());
      }
      cluster.awaitAllTasksFinal(TIMEOUT);
      for (WorkerProcess w : cluster.workers) {
        w.stop(Duration.ofSeconds(20));
      }
      cluster.assertEveryTaskCompletedAndNothingRanTwice(EXPERIMENTS);
      cluster.assertNoWorkerLoggedAnError();
      assertThat(cluster.executionsByExperiment()).hasSize(TASKS * EXPERIMENTS);
      assertThat(cluster.store.workers())
          .hasSize(4)
          .allSatisfy(w -> assertThat(w.stoppedAt()).isPresent());
    }
  }

  @Test
  void killingRandomWorkersLosesNothingAndRunsNothingTwice() throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    try (Cluster cluster = new Cluster(dir, Duration.ofMillis(1500), Duration.ofMillis(500))) {
      cluster.submit(TASKS, EXPERIMENTS, 0);
      int started = 0;
      for (; started < 4; started++) {
        cluster.startWorker("worker-" + started, 2, Map.of());
      }
      int kills = 0;
      while (kills < 8 && !allFinal(cluster)) {
        Thread.sleep(2_000);
        WorkerProcess victim = cluster.workers.get(cluster.workers.size() - 1 - random.nextInt(4));
        victim.kill();
        kills++;
        cluster.workers.remove(victim);
        cluster.workers.add(victim); // keep it listed so close() sees it; it is dead anyway
        cluster.startWorker("worker-" + started++, 2, Map.of());
      }
      cluster.awaitAllTasksFinal(TIMEOUT);
      for (WorkerProcess w : cluster.workers) {
        if (w.process.isAlive()) {
          w.stop(Duration.ofSeconds(20));
        }
      }
      cluster.assertEveryTaskCompletedAndNothingRanTwice(EXPERIMENTS);
      assertThat(cluster.liveExecutions()).as("experiment processes still running").isEmpty();
    }
  }

  private static boolean allFinal(Cluster cluster) {
    return cluster.store.tasks().stream().allMatch(t -> t.status().isFinal());
  }
}
