package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autotune.dashboard.DashboardOptions;
import io.autotune.dashboard.DashboardServlet;
import io.autotune.examples.web.DashboardServer;
import io.autotune.model.ProcessRef;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on the default store in one JVM, {@code status}, {@code experiments} and the
 * dashboard in this one, as in two terminals: they read the store while it runs, and after the run
 * is killed with SIGKILL (and never restarted) they show its owner dead and its experiment
 * ABANDONED.
 */
class KilledRunTest {
  private static final String TASK =
      "{\"task_name\": \"killed\", \"parameters\": {\"x\": [1, 2, 3]},"
          + " \"optimization\": {\"strategy\": \"grid\", \"max_iterations\": 3,"
          + " \"objective\": {\"metric\": \"value\", \"direction\": \"minimize\"}},"
          + " \"runner\": {\"type\": \"command\","
          + " \"command\": [\"sh\", \"-c\", \"sleep 60; echo '{\\\"value\\\": 1}'\", \"sh\"]}}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void otherProcessesReadTheDefaultStoreOfARunAndSeeItsOwnerDeadAfterASigkill() throws Exception {
    Path task = Files.writeString(dir.resolve("task.json"), TASK);
    // the run's store is the default, ./autotune-data/autotune, relative to its directory
    String store = "jdbc:h2:file:" + dir.resolve("autotune-data").resolve("autotune");
    Process run = startRun(task);
    List<ProcessRef> orphans = new ArrayList<>();
    try (CheckpointStore dashboardStore = openWhenCreated(store, run);
        DashboardServer dashboard = dashboardOf(dashboardStore)) {
      await(() -> benchmarking(store));
      String id = statusJson(store).get(0).get("id").asText();
      JsonNode running = statusJson(store).get(0);
      assertThat(running.get("status").asText()).isEqualTo("RUNNING");
      assertThat(running.get("owner_dead").asBoolean()).isFalse();
      assertThat(get(dashboard, "api/tasks").get("tasks").get(0).get("owner_dead").asBoolean())
          .isFalse();
      orphans.addAll(dashboardStore.experiments(id).get(0).processes());

      run.destroyForcibly().waitFor(); // SIGKILL: nothing released, nothing marked
      await(() -> statusJson(store).get(0).get("owner_dead").asBoolean());

      assertThat(cli("status", "--store", store)).isZero();
      String table = take();
      assertThat(table).contains(id, "owner dead", "expired ").doesNotContain("RUNNING");
      assertThat(cli("experiments", id, "--store", store, "--json")).isZero();
      JsonNode experiment = JSON.readTree(take()).get(0);
      assertThat(experiment.get("status").asText()).isEqualTo("ABANDONED");
      assertThat(experiment.get("error").asText()).contains("died before it finished");
      JsonNode listed = get(dashboard, "api/tasks").get("tasks").get(0);
      assertThat(listed.get("owner_dead").asBoolean()).isTrue();
      assertThat(listed.get("status").asText()).isEqualTo("RUNNING");
      assertThat(listed.get("lease_expires_at").asText()).isNotEmpty();
      assertThat(get(dashboard, "api/tasks/" + id + "/experiments").get("experiments"))
          .singleElement()
          .satisfies(e -> assertThat(e.get("status").asText()).isEqualTo("ABANDONED"));
      assertThat(err.toString()).isEmpty();
    } finally {
      run.destroyForcibly();
      for (ProcessRef orphan : orphans) {
        ProcessHandle.of(orphan.pid())
            .ifPresent(
                p -> {
                  p.descendants().forEach(ProcessHandle::destroyForcibly);
                  p.destroyForcibly();
                });
      }
    }
  }

  private Process startRun(Path task) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx128m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            AutotuneCli.class.getName(),
            "run",
            task.toString(),
            "--lease-ttl",
            "2")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("run.log").toFile())
        .start();
  }

  /** The store, opened once the run created its file (this JVM reads it through the run's). */
  private CheckpointStore openWhenCreated(String store, Process run) throws Exception {
    Path lock = dir.resolve("autotune-data").resolve("autotune.lock.db");
    await(() -> Files.exists(lock) || !run.isAlive());
    assertThat(run.isAlive()).as(() -> log("run.log")).isTrue();
    return StoreOption.open(store);
  }

  private boolean benchmarking(String store) throws Exception {
    JsonNode tasks = statusJson(store);
    if (tasks.isEmpty()) {
      return false;
    }
    assertThat(cli("experiments", tasks.get(0).get("id").asText(), "--store", store, "--json"))
        .as(err::toString)
        .isZero();
    JsonNode experiments = JSON.readTree(take());
    return !experiments.isEmpty()
        && experiments.get(0).get("status").asText().equals("BENCHMARKING");
  }

  /** {@code status --json}, which must succeed at every call: the run never locks it out. */
  private JsonNode statusJson(String store) throws Exception {
    assertThat(cli("status", "--store", store, "--json")).as(err::toString).isZero();
    return JSON.readTree(take());
  }

  private int cli(String... args) {
    return AutotuneCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String take() {
    String text = out.toString();
    out.getBuffer().setLength(0);
    return text;
  }

  private static DashboardServer dashboardOf(CheckpointStore store) {
    return DashboardServer.start(
        new DashboardServlet(store, GpuMonitor.none(), DashboardOptions.ofDefaults()), 0);
  }

  private static JsonNode get(DashboardServer server, String path) throws Exception {
    URI uri = server.uri().resolve(path);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private String log(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (java.io.IOException e) {
      return "(no " + name + ")";
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.holds()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("not reached within 60 s");
      }
      Thread.sleep(200);
    }
  }
}
