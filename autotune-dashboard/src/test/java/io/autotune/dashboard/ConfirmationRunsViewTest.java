package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.Tuner;
import io.autotune.TuningResult;
import io.autotune.model.Confirmation;
import io.autotune.model.Objective;
import io.autotune.model.TaskSpec;
import io.autotune.space.Configuration;
import io.autotune.space.SearchSpace;
import io.autotune.spi.CheckpointStore;
import io.autotune.spi.Strategy;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A task with confirmation runs: x = 1, 2, 3 searched (throughput 100·x, plus 10 on odd experiment
 * numbers), then x = 3, the best first run, twice more: #3 310, #4 300, #5 310, a mean of 306.67
 * and a 95 % half-width of 4.303 · 5.7735 / √3 = 14.343.
 */
class ConfirmationRunsViewTest {
  private static CheckpointStore store;
  private static TuningResult result;
  private static JettyFixture jetty;

  @BeforeAll
  static void start() throws Exception {
    store = CheckpointStore.inMemory();
    Strategy threeThenDone =
        context -> {
          int n = context.history().size() + context.pending().size();
          return n < 3 ? Optional.of(Configuration.of(Map.of("x", 1.0 + n))) : Optional.empty();
        };
    TaskSpec spec =
        TaskSpec.builder(
                "confirmed",
                SearchSpace.builder().real("x", 1, 3).build(),
                Objective.maximize("throughput"))
            .maxExperiments(3)
            .confirmation(Optional.of(new Confirmation(1, 2)))
            .build();
    result =
        Tuner.builder()
            .store(store)
            .strategy(threeThenDone)
            .runner(
                c ->
                    Map.of(
                        "throughput",
                        100 * c.configuration().getDouble("x") + (c.number() % 2) * 10.0))
            .workDirectory(Files.createTempDirectory("autotune-confirmed-"))
            .leaseTtl(Duration.ofSeconds(30))
            .build()
            .run(spec);
    jetty =
        JettyFixture.start(
            "/c/*",
            new DashboardServlet(store, H200s.twoGpus(), DashboardOptions.builder().build()));
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.close();
    store.close();
  }

  @Test
  void theTaskViewGivesEachRepeatedConfigurationItsRunsMeanAndInterval() {
    JsonNode detail = Http.getJson(jetty.uri("/c/api/tasks/" + result.taskId()));

    assertThat(detail.path("task").path("max_experiments").asInt()).isEqualTo(5);
    JsonNode confirmed = detail.path("confirmed");
    assertThat(confirmed.size()).isEqualTo(1);
    JsonNode pick = confirmed.get(0);
    assertThat(numbers(pick.path("experiments"))).containsExactly(3, 4, 5);
    assertThat(pick.path("configuration").path("x").asDouble()).isEqualTo(3.0);
    assertThat(pick.path("feasible_runs").asInt()).isEqualTo(3);
    assertThat(pick.path("mean").asDouble()).isCloseTo(306.667, within(1e-3));
    assertThat(pick.path("half_width95").asDouble()).isCloseTo(14.343, within(1e-3));
  }

  @Test
  void thePageShowsTheConfirmationRunsAsATable() throws Exception {
    assumeTrue(Chromium.installed(), Chromium.skipReason());
    ChromeDriver driver =
        Chromium.start(
            Files.createTempDirectory("autotune-chromium-"),
            Files.createTempDirectory("autotune-downloads-"));
    try {
      driver.get(jetty.uri("/c/#/tasks/" + result.taskId()).toString());
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> !d.findElements(By.cssSelector("#confirmed td")).isEmpty());
      String table = driver.findElement(By.id("confirmed")).getText();
      assertThat(table).contains("x=3", "#3 #4 #5", "3/3");
      assertThat(Chromium.consoleErrors(driver)).as("console errors").isEmpty();
    } finally {
      driver.quit();
    }
  }

  private static List<Integer> numbers(JsonNode array) {
    List<Integer> numbers = new ArrayList<>();
    array.forEach(n -> numbers.add(n.asInt()));
    return numbers;
  }
}
