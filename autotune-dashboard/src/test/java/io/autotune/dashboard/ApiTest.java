package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API over real HTTP, served by Jetty under a context path, on a seeded H2 store. */
class ApiTest {
  private static SeededStore seeded;
  private static JettyFixture jetty;

  @BeforeAll
  static void start() throws Exception {
    seeded = SeededStore.h2();
    DashboardOptions options = DashboardOptions.builder().clock(seeded.clock).build();
    jetty =
        JettyFixture.start(
            "/dashboard/*", new DashboardServlet(seeded.store, H200s.twoGpus(), options));
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.close();
    seeded.close();
  }

  private static JsonNode api(String path) {
    return Http.getJson(jetty.uri("/dashboard/api/" + path));
  }

  @Test
  void everyAnswerCarriesTheTimestampInUtc() {
    for (String path :
        List.of(
            "gpu-status",
            "worker-status",
            "db-statistics",
            "experiment-timeline",
            "system/info",
            "tasks",
            "tasks/" + seeded.qwen.id(),
            "tasks/" + seeded.qwen.id() + "/experiments")) {
      assertThat(api(path).path("timestamp").asText()).as(path).isEqualTo("2026-11-30T12:00:00Z");
    }
  }

  @Test
  void gpuStatusGivesMemoryInMegabytesAndPercentPerGpu() {
    JsonNode status = api("gpu-status");
    assertThat(status.path("available").asBoolean()).isTrue();
    JsonNode first = status.path("gpus").get(0);
    assertThat(first.path("name").asText()).isEqualTo("NVIDIA H200");
    assertThat(first.path("memory_total_mb").asLong()).isEqualTo(143_771);
    assertThat(first.path("memory_used_mb").asLong()).isEqualTo(120_000);
    assertThat(first.path("memory_free_mb").asLong()).isEqualTo(23_771);
    assertThat(first.path("memory_percent").asDouble()).isEqualTo(83.5); // 120000/143771
    assertThat(first.path("utilization_percent").asDouble()).isEqualTo(95);
    assertThat(first.path("temperature_c").asDouble()).isEqualTo(41);
    assertThat(status.path("gpus")).hasSize(2);
  }

  @Test
  void workerStatusReadsTheLocalProcessAndFlagsALateHeartbeat() {
    JsonNode workers = api("worker-status").path("workers");
    assertThat(workers).hasSize(3);
    JsonNode local = worker(workers, "worker-local");
    assertThat(local.path("local").asBoolean()).isTrue();
    assertThat(local.path("state").asText()).isEqualTo("running");
    assertThat(local.path("cpu_percent").isNumber()).isTrue();
    assertThat(local.path("memory_mb").asDouble()).isGreaterThan(10);
    assertThat(local.path("seconds_since_heartbeat").asDouble()).isEqualTo(3);

    JsonNode late = worker(workers, "worker-late");
    assertThat(late.path("local").asBoolean()).isFalse();
    assertThat(late.path("cpu_percent").isNull()).isTrue();
    assertThat(late.path("late").asBoolean()).isTrue();
    assertThat(late.path("state").asText()).isEqualTo("late");
    assertThat(late.path("seconds_since_heartbeat").asDouble()).isEqualTo(95);
    assertThat(late.path("uptime_seconds").asDouble()).isEqualTo(7200);

    JsonNode stopped = worker(workers, "worker-stopped");
    assertThat(stopped.path("running").asBoolean()).isFalse();
    assertThat(stopped.path("late").asBoolean()).isFalse();
    assertThat(stopped.path("state").asText()).isEqualTo("stopped");
    assertThat(stopped.path("uptime_seconds").asDouble()).isEqualTo(3600);
  }

  @Test
  void dbStatisticsCountsByStatusOverallAndInTheLastDay() {
    JsonNode s = api("db-statistics");
    assertThat(s.path("tasks").path("total").asLong()).isEqualTo(4);
    assertThat(s.path("tasks").path("by_status").path("COMPLETED").asLong()).isEqualTo(2);
    assertThat(s.path("tasks").path("by_status").path("RUNNING").asLong()).isEqualTo(1);
    assertThat(s.path("tasks").path("by_status").path("FAILED").asLong()).isEqualTo(1);
    assertThat(s.path("tasks_in_window").path("total").asLong()).isEqualTo(3);
    JsonNode experiments = s.path("experiments").path("by_status");
    assertThat(s.path("experiments").path("total").asLong()).isEqualTo(11);
    assertThat(experiments.path("SUCCEEDED").asLong()).isEqualTo(6);
    assertThat(experiments.path("FAILED").asLong()).isEqualTo(3);
    assertThat(experiments.path("TIMED_OUT").asLong()).isEqualTo(1);
    assertThat(experiments.path("BENCHMARKING").asLong()).isEqualTo(1);
    assertThat(experiments.path("PENDING").asLong()).isZero();
    JsonNode window = s.path("experiments_in_window");
    assertThat(window.path("total").asLong()).isEqualTo(9);
    assertThat(window.path("by_status").path("SUCCEEDED").asLong()).isEqualTo(5);
    // (10 + 5 + 15 + 20 + 10 + 18 + 12 + 40 + 40 + 5) min / 10 finished = 17.5 min
    assertThat(s.path("mean_experiment_seconds").asDouble()).isEqualTo(1050);
    assertThat(s.path("success_percent").asDouble()).isEqualTo(60);
    JsonNode running = s.path("running_tasks");
    assertThat(running).hasSize(1);
    assertThat(running.get(0).path("name").asText()).isEqualTo("llama-vllm");
    assertThat(running.get(0).path("done").asLong()).isEqualTo(2);
    assertThat(running.get(0).path("max").asInt()).isEqualTo(10);
    assertThat(running.get(0).path("percent").asDouble()).isEqualTo(20);
    assertThat(running.get(0).path("running").asLong()).isEqualTo(1);
    assertThat(running.get(0).path("best_score").asDouble()).isEqualTo(0.47);
  }

  @Test
  void timelineHasEveryExperimentOfTheLastDayOnOneAxisWithTicks() {
    JsonNode t = api("experiment-timeline?hours=24");
    assertThat(t.path("experiments")).hasSize(9);
    assertThat(t.path("axis_start").asText()).isEqualTo("2026-11-30T09:00:00Z");
    assertThat(t.path("axis_end").asText()).isEqualTo("2026-11-30T12:00:00Z");
    assertThat(t.path("interval_seconds").asLong()).isEqualTo(1800);
    assertThat(labels(t))
        .containsExactly("09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00");
    JsonNode first = t.path("experiments").get(0);
    assertThat(first.path("task_name").asText()).isEqualTo("qwen-sglang");
    assertThat(first.path("start").asText()).isEqualTo("2026-11-30T09:00:00Z");
    assertThat(first.path("end").asText()).isEqualTo("2026-11-30T09:15:00Z");
    assertThat(first.path("duration_seconds").asDouble()).isEqualTo(900);
    assertThat(first.path("score").asDouble()).isEqualTo(2100);
    assertThat(first.path("parameters").path("schedule-policy").asText()).isEqualTo("lpm");
    JsonNode running = t.path("experiments").get(8);
    assertThat(running.path("status").asText()).isEqualTo("BENCHMARKING");
    assertThat(running.path("running").asBoolean()).isTrue();
    assertThat(running.path("end").isNull()).isTrue();
    assertThat(running.path("duration_seconds").asDouble()).isEqualTo(1800);
  }

  @Test
  void aShorterWindowKeepsOnlyTheExperimentsThatOverlapIt() {
    JsonNode t = api("experiment-timeline?hours=1");
    assertThat(t.path("experiments")).hasSize(3);
    assertThat(t.path("axis_start").asText()).isEqualTo("2026-11-30T11:00:00Z");
    assertThat(t.path("interval_seconds").asLong()).isEqualTo(600);
  }

  @Test
  void timelineRejectsHoursThatAreNotAWholeNumberInRange() {
    for (String bad : List.of("abc", "0", "-1", "100000")) {
      var response = Http.get(jetty.uri("/dashboard/api/experiment-timeline?hours=" + bad));
      assertThat(response.statusCode()).as(bad).isEqualTo(400);
      assertThat(Http.json(response).path("error").asText()).contains("hours must be");
    }
  }

  @Test
  void systemInfoGivesTheVersionAndTheDisplayZone() {
    JsonNode info = api("system/info");
    assertThat(info.path("time_zone").asText()).isEqualTo("UTC");
    assertThat(info.path("utc_offset").asText()).isEqualTo("+00:00");
    assertThat(info.path("version").asText()).isNotBlank();
    assertThat(info.path("gpu_monitor").asText()).isEqualTo("fake");
  }

  @Test
  void tasksListsEveryTaskWithItsBestScoreInItsDirection() {
    JsonNode tasks = api("tasks").path("tasks");
    assertThat(tasks).hasSize(4);
    JsonNode qwen = tasks.get(1);
    assertThat(qwen.path("name").asText()).isEqualTo("qwen-sglang");
    assertThat(qwen.path("best_score").asDouble()).isEqualTo(2600); // maximised
    assertThat(qwen.path("best_number").asInt()).isEqualTo(2);
    assertThat(qwen.path("finished").asLong()).isEqualTo(5);
    JsonNode llama = tasks.get(2);
    assertThat(llama.path("best_score").asDouble()).isEqualTo(0.47); // minimised
    assertThat(llama.path("running").asLong()).isEqualTo(1);
    assertThat(tasks.get(3).path("best_score").isNull()).isTrue();
  }

  @Test
  void taskDetailGivesTheBestConfigurationAndTheBestSoFarCurve() {
    JsonNode detail = api("tasks/" + seeded.qwen.id());
    assertThat(detail.path("best_configuration").path("tp-size").asLong()).isEqualTo(1);
    List<Double> best = new ArrayList<>();
    detail.path("best_so_far").forEach(p -> best.add(p.path("best").asDouble()));
    assertThat(best).containsExactly(2100.0, 2600.0, 2600.0, 2600.0, 2600.0);
    assertThat(detail.path("best_so_far").get(2).path("score").isNull()).isTrue();
    assertThat(detail.path("parameters").get(0).path("range").asText()).isEqualTo("1 … 2");
  }

  @Test
  void taskExperimentsListTheLogInNumberOrder() {
    JsonNode experiments = api("tasks/" + seeded.qwen.id() + "/experiments").path("experiments");
    List<String> statuses = new ArrayList<>();
    experiments.forEach(
        e -> statuses.add(e.path("number").asInt() + " " + e.path("status").asText()));
    assertThat(statuses)
        .containsExactly("1 SUCCEEDED", "2 SUCCEEDED", "3 FAILED", "4 TIMED_OUT", "5 SUCCEEDED");
    assertThat(experiments.get(2).path("error").asText()).isEqualTo("server exited with code 1");
    assertThat(experiments.get(1).path("finished_at").asText()).isEqualTo("2026-11-30T09:40:00Z");
  }

  @Test
  void anUnknownTaskOrPathIsA404() {
    assertThat(Http.get(jetty.uri("/dashboard/api/tasks/nope")).statusCode()).isEqualTo(404);
    assertThat(Http.get(jetty.uri("/dashboard/api/tasks/nope/experiments")).statusCode())
        .isEqualTo(404);
    assertThat(Http.get(jetty.uri("/dashboard/api/secrets")).statusCode()).isEqualTo(404);
  }

  private static JsonNode worker(JsonNode workers, String id) {
    for (JsonNode worker : workers) {
      if (worker.path("id").asText().equals(id)) {
        return worker;
      }
    }
    throw new AssertionError("no worker " + id + " in " + workers);
  }

  static List<String> labels(JsonNode timeline) {
    List<String> labels = new ArrayList<>();
    timeline.path("ticks").forEach(tick -> labels.add(tick.path("label").asText()));
    return labels;
  }
}
