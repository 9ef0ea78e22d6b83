package io.autotune.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.StoreException;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.Task;
import io.autotune.space.Configuration;
import io.autotune.testing.TestSpecs;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the JDBC store does beyond the contract, on H2 in a file. */
class JdbcCheckpointStoreTest {
  @TempDir Path dir;

  private JdbcCheckpointStore open() {
    return JdbcCheckpointStore.open("jdbc:h2:file:" + dir.resolve("autotune"));
  }

  @Test
  void anUnreadableCheckpointIsReturnedAsItWasSaved() {
    try (JdbcCheckpointStore store = open()) {
      Task task = store.createTask(TestSpecs.simple("t"));
      Lease lease = store.acquire(task.id(), "w1", Duration.ofMinutes(1)).orElseThrow();
      store.saveCheckpoint(lease, "{\"next_number\": 3, trunc");
      assertThat(store.checkpoint(task.id())).contains("{\"next_number\": 3, trunc");
    }
  }

  @Test
  void everythingSurvivesReopeningAndTheSchemaIsMigratedOnce() {
    String id;
    try (JdbcCheckpointStore store = open()) {
      Task task = store.createTask(TestSpecs.simple("kept").withSeed(3));
      id = task.id();
      Lease lease = store.acquire(id, "w1", Duration.ofMinutes(1)).orElseThrow();
      store.insertExperiment(lease, nonFinite(id, lease));
    }
    try (JdbcCheckpointStore store = open()) {
      assertThat(store.task(id)).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("kept"));
      assertThat(store.experiments(id)).containsExactly(nonFiniteDone(id));
    }
  }

  @Test
  void anUnreachableDatabaseIsAStoreExceptionNamingTheUrl() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/nothing";
    assertThatThrownBy(
            () ->
                JdbcCheckpointStore.builder()
                    .url(url)
                    .connectionTimeout(Duration.ofMillis(500))
                    .build())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(url);
  }

  @Test
  void settersRejectNonsenseAtOnce() {
    assertThatThrownBy(() -> JdbcCheckpointStore.builder().url("jdbc:mysql://x/y"))
        .hasMessageContaining("jdbc:h2: or jdbc:postgresql:");
    assertThatThrownBy(() -> JdbcCheckpointStore.builder().maxConnections(0))
        .hasMessage("maxConnections must be greater than 0, but was 0");
    assertThatThrownBy(() -> JdbcCheckpointStore.builder().grace(Duration.ofSeconds(-1)))
        .hasMessage("grace must not be negative, but was PT-1S");
  }

  private static Experiment nonFinite(String taskId, Lease lease) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return Experiment.pending(
            taskId, 1, Configuration.of(Map.of("x", 2.5, "mode", "a")), at, "w1", lease.epoch())
        .finished(
            ExperimentStatus.FAILED,
            at.plusSeconds(1),
            Map.of("ttft", Double.NaN, "throughput", Double.POSITIVE_INFINITY),
            OptionalDouble.empty(),
            Optional.of("the server reported no latency"));
  }

  private static Experiment nonFiniteDone(String taskId) {
    return nonFinite(taskId, new Lease(taskId, "w1", 1, Instant.EPOCH));
  }
}
