package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.autotune.StoreException;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import java.lang.reflect.Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Read-only, token, error and mounting behaviour over real HTTP. */
class SecurityTest {
  private static JettyFixture jetty;
  private static SeededStore seeded;

  @BeforeAll
  static void start() throws Exception {
    seeded = SeededStore.h2();
    DashboardOptions open = DashboardOptions.builder().clock(seeded.clock).build();
    DashboardOptions guarded = open.toBuilder().bearerToken("s3cret-token").build();
    jetty =
        JettyFixture.start(
            Map.of(
                "/dashboard/*", new DashboardServlet(seeded.store, GpuMonitor.none(), open),
                "/guarded/*", new DashboardServlet(seeded.store, GpuMonitor.none(), guarded),
                "/broken/*", new DashboardServlet(brokenStore(), H200s.failing(), open),
                "/", new DashboardServlet(seeded.store, GpuMonitor.none(), open)));
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.close();
    seeded.close();
  }

  /** A store whose database is gone: every call fails with a message naming its host. */
  private static CheckpointStore brokenStore() {
    return (CheckpointStore)
        Proxy.newProxyInstance(
            CheckpointStore.class.getClassLoader(),
            new Class<?>[] {CheckpointStore.class},
            (proxy, method, args) -> {
              throw new StoreException("connection refused: db-internal.example:5432 user=tuner");
            });
  }

  @Test
  void everyMethodButGetIsRefusedWith405() {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"}) {
      HttpResponse<String> response =
          Http.send(
              HttpRequest.newBuilder(jetty.uri("/dashboard/api/tasks"))
                  .method(method, HttpRequest.BodyPublishers.noBody()));
      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
  }

  @Test
  void withATokenTheApiAnswers401WithoutItAndTheRightOneOpensIt() {
    var api = jetty.uri("/guarded/api/tasks");
    assertThat(Http.get(api).statusCode()).isEqualTo(401);
    assertThat(
            Http.send(HttpRequest.newBuilder(api).header("Authorization", "Bearer wrong"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            Http.send(HttpRequest.newBuilder(api).header("Authorization", "s3cret-token"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            Http.send(HttpRequest.newBuilder(api).header("Authorization", "Bearer s3cret-token"))
                .statusCode())
        .isEqualTo(200);
    // the page holds no data; it asks for the token
    assertThat(Http.get(jetty.uri("/guarded/")).statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingStoreGives500WithAGenericMessageAndNoStackTrace() {
    HttpResponse<String> response = Http.get(jetty.uri("/broken/api/tasks"));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Http.json(response).path("error").asText()).isEqualTo("internal error");
    assertThat(response.body()).doesNotContain("db-internal", "Exception", "at io.");
  }

  @Test
  void aFailingGpuMonitorIsShownAsUnavailableNotAsAnError() {
    var status = Http.getJson(jetty.uri("/broken/api/gpu-status"));
    assertThat(status.path("available").asBoolean()).isFalse();
    assertThat(status.path("reason").asText()).doesNotContain("NVML");
    assertThat(status.path("message").asText()).startsWith("the GPU monitor failed to sample");
  }

  @Test
  void noGpuIsReportedWithTheMonitorsReason() {
    var status = Http.getJson(jetty.uri("/dashboard/api/gpu-status"));
    assertThat(status.path("available").asBoolean()).isFalse();
    assertThat(status.path("message").asText()).isEqualTo("no NVIDIA GPU found");
    assertThat(status.path("reason").asText()).isEqualTo("no GPU monitor configured");
    assertThat(status.path("gpus")).isEmpty();
  }

  @Test
  void thePageIsServedWithAContentSecurityPolicy() {
    HttpResponse<String> page = Http.get(jetty.uri("/dashboard/"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(DashboardServlet.CONTENT_SECURITY_POLICY);
    assertThat(page.body()).contains("static/dashboard.js");
    assertThat(Http.get(jetty.uri("/dashboard/static/gantt.js")).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyTheNamedAssetsAreServed() {
    for (String path :
        new String[] {
          "/dashboard/static/nope.js",
          "/dashboard/static/../version.properties",
          "/dashboard/version.properties",
          "/dashboard/static/%2e%2e/DashboardServlet.class",
          "/dashboard/index.html/x"
        }) {
      assertThat(Http.get(jetty.uri(path)).statusCode()).as(path).isIn(400, 404);
    }
  }

  @Test
  void theMountPathWithoutSlashRedirectsBelowIt() {
    HttpResponse<String> response = Http.get(jetty.uri("/dashboard"));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/ops/dashboard/"));
  }

  @Test
  void asTheDefaultServletItAnswersAtTheContextRoot() {
    assertThat(Http.getJson(jetty.uri("/api/tasks")).path("tasks")).hasSize(4);
    assertThat(Http.get(jetty.uri("/")).body()).contains("static/dashboard.js");
  }
}
