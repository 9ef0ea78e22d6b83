package io.autotune.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.dashboard.DashboardOptions;
import io.autotune.dashboard.DashboardServlet;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class DashboardServerTest {
  private final DashboardServlet servlet =
      new DashboardServlet(
          CheckpointStore.inMemory(), GpuMonitor.none(), DashboardOptions.ofDefaults());

  @Test
  void servesTheDashboardOnLoopbackByDefault() throws Exception {
    try (DashboardServer server = DashboardServer.start(servlet, 0)) {
      assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
      assertThat(get(server.uri().resolve("api/system/info")).body()).contains("\"time_zone\"");
      assertThat(get(server.uri()).body()).contains("static/dashboard.js");
    }
  }

  @Test
  void servesBelowAMountPath() throws Exception {
    try (DashboardServer server = DashboardServer.start(servlet, "127.0.0.1", 0, "/dashboard/")) {
      assertThat(server.uri().getPath()).isEqualTo("/dashboard/");
      assertThat(get(server.uri().resolve("api/tasks")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aTakenPortIsReportedWithTheAddress() {
    try (DashboardServer first = DashboardServer.start(servlet, 0)) {
      assertThatThrownBy(() -> DashboardServer.start(servlet, first.port()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot serve the dashboard on 127.0.0.1:" + first.port());
    }
  }

  @Test
  void aMountPathMustBeAPath() {
    assertThatThrownBy(() -> DashboardServer.start(servlet, "127.0.0.1", 0, "dashboard/*"))
        .hasMessage("mountPath must start with / and hold no * or //, but was 'dashboard/*'");
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
