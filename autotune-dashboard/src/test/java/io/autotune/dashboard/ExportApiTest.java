package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code api/tasks/{id}/experiments.csv} and {@code .json}, under a context path (issue 16). */
class ExportApiTest {
  private static ObjectivesStore seeded;
  private static JettyFixture jetty;

  @BeforeAll
  static void start() throws Exception {
    seeded = new ObjectivesStore();
    DashboardOptions open = DashboardOptions.builder().clock(seeded.clock).build();
    DashboardOptions guarded = open.toBuilder().bearerToken("s3cret").build();
    jetty =
        JettyFixture.start(
            Map.of(
                "/ctx/dashboard/*", new DashboardServlet(seeded.store, H200s.twoGpus(), open),
                "/ctx/guarded/*", new DashboardServlet(seeded.store, H200s.twoGpus(), guarded)));
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.close();
    seeded.close();
  }

  private static HttpResponse<String> get(String path) {
    return Http.get(jetty.uri("/ctx/dashboard/api/tasks/" + path));
  }

  @Test
  void theCsvHasAHeaderAndOneRowPerExperimentAndIsSavedUnderTheTasksName() {
    HttpResponse<String> response = get(seeded.pareto.id() + "/experiments.csv");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"experiments-pareto-slo.csv\"");
    List<String> lines = List.of(response.body().split("\r\n"));
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0))
        .startsWith("number,status,")
        .contains(",feasible,pareto,param.tp-size,metric.throughput,metric.tpot,metric.ttft_p90,")
        .endsWith(",slack.ttft_p90,worker,error");
    assertThat(lines.get(2)).startsWith("2,SUCCEEDED,").contains(",3000.0,false,false,");
    assertThat(lines.get(3)).startsWith("3,SUCCEEDED,").contains(",2500.0,true,true,");
    assertThat(lines.get(5)).startsWith("5,FAILED,").endsWith(",worker,server exited with code 1");
  }

  @Test
  void theJsonIsTheExperimentListAsAFile() {
    HttpResponse<String> response = get(seeded.outlier.id() + "/experiments.json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"experiments-outlier.json\"");
    JsonNode experiments = Http.json(response).path("experiments");
    assertThat(experiments).hasSize(6);
    assertThat(experiments.get(2).path("objectives").path("latency").asDouble())
        .isEqualTo(ObjectivesStore.OUTLIER);
  }

  @Test
  void anUnknownTaskOrFormatIs404AndTheTokenGuardsTheExport() {
    assertThat(get("no-such-task/experiments.csv").statusCode()).isEqualTo(404);
    assertThat(get(seeded.pareto.id() + "/experiments.xml").statusCode()).isEqualTo(404);
    var guarded = jetty.uri("/ctx/guarded/api/tasks/" + seeded.pareto.id() + "/experiments.csv");
    assertThat(Http.get(guarded).statusCode()).isEqualTo(401);
    assertThat(
            Http.send(HttpRequest.newBuilder(guarded).header("Authorization", "Bearer s3cret"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aFileNameKeepsOnlySafeCharacters() {
    assertThat(Download.safe("qwen-sglang_v1.2")).isEqualTo("qwen-sglang_v1.2");
    assertThat(Download.safe("a\"b; c/../d")).isEqualTo("a_b__c_.._d");
    assertThat(Download.safe("..")).isEqualTo("task..");
  }
}
