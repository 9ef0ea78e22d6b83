package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeded llama-vllm task runs experiment #3 under a three-day lease; four days later its owner
 * is dead: the API says so instead of RUNNING forever, and has the store mark #3 ABANDONED.
 */
class DeadOwnerApiTest {
  private SeededStore seeded;
  private JettyFixture jetty;

  @BeforeEach
  void start() throws Exception {
    seeded = SeededStore.h2();
    DashboardOptions options = DashboardOptions.builder().clock(seeded.clock).build();
    jetty = JettyFixture.start("/*", new DashboardServlet(seeded.store, H200s.twoGpus(), options));
  }

  @AfterEach
  void stop() throws Exception {
    jetty.close();
    seeded.close();
  }

  private JsonNode api(String path) {
    return Http.getJson(jetty.uri("/api/" + path));
  }

  @Test
  void aTaskWhoseLeaseExpiredShowsItsOwnerDeadAndItsRunningExperimentAbandoned() {
    String llama = seeded.llama.id();
    Instant expiry = seeded.store.task(llama).orElseThrow().leaseExpiresAt().orElseThrow();
    assertThat(task(api("tasks"), llama).path("owner_dead").asBoolean()).isFalse();
    assertThat(experiment3(llama).path("status").asText()).isEqualTo("BENCHMARKING");

    seeded.clock.advance(Duration.ofDays(4));

    JsonNode listed = task(api("tasks"), llama);
    assertThat(listed.path("owner_dead").asBoolean()).isTrue();
    assertThat(listed.path("status").asText()).isEqualTo("RUNNING");
    assertThat(listed.path("lease_expires_at").asText()).isEqualTo(expiry.toString());
    assertThat(api("tasks/" + llama).path("task").path("owner_dead").asBoolean()).isTrue();
    assertThat(api("db-statistics").path("running_tasks").get(0).path("owner_dead").asBoolean())
        .isTrue();
    JsonNode abandoned = experiment3(llama);
    assertThat(abandoned.path("status").asText()).isEqualTo("ABANDONED");
    assertThat(abandoned.path("error").asText()).contains("worker-seed", "expired");
    assertThat(task(api("tasks"), seeded.qwen.id()).path("owner_dead").asBoolean())
        .as("a finished task has no owner to lose")
        .isFalse();
  }

  private JsonNode experiment3(String taskId) {
    return api("tasks/" + taskId + "/experiments").path("experiments").get(2);
  }

  private static JsonNode task(JsonNode list, String id) {
    for (JsonNode t : list.path("tasks")) {
      if (t.path("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no task " + id + " in " + list);
  }
}
