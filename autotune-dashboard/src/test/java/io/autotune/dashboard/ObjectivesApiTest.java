package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Raw objective values, feasibility, slack and the Pareto front in the API (issue 12). */
class ObjectivesApiTest {
  private static ObjectivesStore seeded;
  private static JettyFixture jetty;

  @BeforeAll
  static void start() throws Exception {
    seeded = new ObjectivesStore();
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

  private static JsonNode api(String path) {
    return Http.getJson(jetty.uri("/ctx/dashboard/api/" + path));
  }

  @Test
  void theSummaryGivesTheBestFeasibleRawValueTheCountsAndTheParetoFront() {
    JsonNode task = api("tasks").path("tasks").get(0);
    assertThat(task.path("name").asText()).isEqualTo("pareto-slo");
    // #2 has the highest throughput but breaks ttft_p90 <= 0.2: the best feasible is #3
    assertThat(task.path("best_number").asInt()).isEqualTo(3);
    assertThat(task.path("best_values").path("throughput").asDouble()).isEqualTo(2500);
    assertThat(task.path("best_values").path("tpot").asDouble()).isEqualTo(0.12);
    assertThat(task.path("succeeded").asLong()).isEqualTo(4);
    assertThat(task.path("feasible").asLong()).isEqualTo(3);
    assertThat(numbers(task.path("pareto_front"))).containsExactly(1, 3);
    assertThat(task.path("penalty_slos").asBoolean()).isFalse();
    assertThat(task.path("objectives").get(1).path("metric").asText()).isEqualTo("tpot");
    assertThat(task.path("objectives").get(1).path("direction").asText()).isEqualTo("MINIMIZE");
    assertThat(task.path("constraints").get(0).path("threshold").asDouble()).isEqualTo(0.2);
  }

  @Test
  void experimentsCarryRawValuesFeasibilitySlackAndParetoMembership() {
    JsonNode experiments = api("tasks/" + seeded.pareto.id() + "/experiments").path("experiments");
    JsonNode infeasible = experiments.get(1);
    assertThat(infeasible.path("objectives").path("throughput").asDouble()).isEqualTo(3000);
    assertThat(infeasible.path("feasible").asBoolean()).isFalse();
    assertThat(infeasible.path("slack").path("ttft_p90").asDouble()).isCloseTo(-0.25, within(1e-9));
    assertThat(infeasible.path("pareto").asBoolean()).isFalse();
    JsonNode third = experiments.get(2);
    assertThat(third.path("feasible").asBoolean()).isTrue();
    assertThat(third.path("slack").path("ttft_p90").asDouble()).isCloseTo(0.10, within(1e-9));
    assertThat(third.path("pareto").asBoolean()).isTrue();
    assertThat(experiments.get(3).path("pareto").asBoolean()).isFalse(); // dominated by #1
    JsonNode failed = experiments.get(4);
    assertThat(failed.path("objectives").isNull()).isTrue();
    assertThat(failed.path("feasible").isNull()).isTrue();
    assertThat(failed.path("slack").isNull()).isTrue();
  }

  @Test
  void theBestSoFarCurveFollowsTheBestFeasibleRawValue() {
    JsonNode points = api("tasks/" + seeded.pareto.id()).path("best_so_far");
    List<Double> best = new ArrayList<>();
    points.forEach(p -> best.add(p.path("best_value").asDouble()));
    assertThat(best).containsExactly(2000.0, 2000.0, 2500.0, 2500.0, 2500.0);
    assertThat(points.get(1).path("value").asDouble()).isEqualTo(3000);
    assertThat(points.get(1).path("feasible").asBoolean()).isFalse();
    assertThat(points.get(4).path("value").isNull()).isTrue();
  }

  @Test
  void withALegacyPenaltyTheScoreAndTheRawValueDiffer() {
    JsonNode task = api("tasks/" + seeded.legacy.id()).path("task");
    assertThat(task.path("penalty_slos").asBoolean()).isTrue();
    JsonNode penalised = api("tasks/" + seeded.legacy.id() + "/experiments").path("experiments");
    assertThat(penalised.get(1).path("objectives").path("throughput").asDouble()).isEqualTo(3000);
    assertThat(penalised.get(1).path("score").asDouble()).isLessThan(0);
    assertThat(penalised.get(1).path("feasible").asBoolean()).isTrue(); // no constraints
    assertThat(task.path("best_number").asInt()).isEqualTo(1);
    assertThat(task.path("best_values").path("throughput").asDouble()).isEqualTo(2000);
  }

  private static List<Integer> numbers(JsonNode array) {
    List<Integer> numbers = new ArrayList<>();
    array.forEach(n -> numbers.add(n.asInt()));
    return numbers;
  }
}
