package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code api/tasks/{id}/experiments/{n}}: one experiment in full (issue 16 item 3). */
class ExperimentDetailApiTest {
  private static DetailStore seeded;
  private static JettyFixture jetty;

  @BeforeAll
  static void start() throws Exception {
    seeded = new DetailStore();
    DashboardOptions options = DashboardOptions.builder().clock(seeded.clock).build();
    jetty =
        JettyFixture.start(
            "/ctx/dashboard/*", new DashboardServlet(seeded.store, H200s.twoGpus(), options));
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.close();
    seeded.close();
  }

  private static JsonNode experiment(int number) {
    return Http.getJson(
        jetty.uri("/ctx/dashboard/api/tasks/" + seeded.task.id() + "/experiments/" + number));
  }

  @Test
  void aSucceededExperimentHasItsPhasesMetricsGpuSummariesAndConstraintSlack() {
    JsonNode d = experiment(1);
    assertThat(d.path("task_name").asText()).isEqualTo("detail");
    assertThat(d.path("experiment").path("number").asInt()).isEqualTo(1);
    assertThat(d.path("experiment").path("feasible").asBoolean()).isFalse();
    assertThat(d.path("deploying_seconds").asDouble()).isEqualTo(120);
    assertThat(d.path("benchmarking_seconds").asDouble()).isEqualTo(480);
    assertThat(d.path("benchmarking_at").asText()).isEqualTo("2026-11-30T10:02:00Z");
    assertThat(d.path("runner_metrics").fieldNames())
        .toIterable()
        .containsExactly("throughput", "ttft_p90");
    assertThat(d.path("gpu_summary").path("util_mean").asDouble()).isEqualTo(0.8);
    assertThat(d.path("gpu_summary").path("count").asDouble()).isEqualTo(2);
    assertThat(d.path("per_gpu")).hasSize(2);
    assertThat(d.path("per_gpu").get(1).path("index").asInt()).isEqualTo(1);
    assertThat(d.path("per_gpu").get(1).path("metrics").path("mem_used_max_mib").asDouble())
        .isEqualTo(65000);
    JsonNode ttft = d.path("constraints").get(0);
    assertThat(ttft.path("metric").asText()).isEqualTo("ttft_p90");
    assertThat(ttft.path("threshold").asDouble()).isEqualTo(0.2);
    assertThat(ttft.path("actual").asDouble()).isEqualTo(0.25);
    assertThat(ttft.path("slack").asDouble()).isCloseTo(-0.25, within(1e-9));
    assertThat(ttft.path("met").asBoolean()).isFalse();
    assertThat(d.path("error_message").isNull()).isTrue();
    assertThat(d.path("log_tail").isNull()).isTrue();
  }

  @Test
  void aFailedExperimentSplitsItsErrorFromTheLogTail() {
    JsonNode d = experiment(2);
    assertThat(d.path("error_message").asText()).isEqualTo("server exited with code 1");
    assertThat(d.path("log_tail").asText())
        .isEqualTo("--- last lines of the server log ---\n" + DetailStore.LOG_TAIL);
    assertThat(d.path("deploying_seconds").isNull()).isTrue();
    assertThat(d.path("constraints").get(0).path("slack").isNull()).isTrue();
    assertThat(d.path("gpu_summary").size()).isZero();
  }

  @Test
  void anUnknownNumberIs404() {
    String base = "/ctx/dashboard/api/tasks/" + seeded.task.id() + "/experiments/";
    assertThat(Http.get(jetty.uri(base + "3")).statusCode()).isEqualTo(404);
    assertThat(Http.get(jetty.uri(base + "x")).statusCode()).isEqualTo(404);
    assertThat(Http.get(jetty.uri("/ctx/dashboard/api/tasks/nope/experiments/1")).statusCode())
        .isEqualTo(404);
  }
}
