package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.model.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16's views in headless Chromium: the experiment detail, the export buttons, the Pareto
 * plot, parallel coordinates, importance and the comparison of tasks. Skipped without Chromium.
 */
class AnalysisBrowserTest {
  private static final Path TARGET = Path.of("target");
  private static final Path DOWNLOADS = TARGET.resolve("downloads");

  private static DetailStore detail;
  private static ObjectivesStore objectives;
  private static SyntheticStore synthetic;
  private static Task alpha;
  private static Task beta;
  private static JettyFixture jetty;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    if (!Chromium.installed()) {
      return;
    }
    detail = new DetailStore();
    objectives = new ObjectivesStore();
    synthetic = new SyntheticStore();
    alpha = synthetic.task("alpha", 200, 1);
    beta = synthetic.task("beta", 120, 2);
    DashboardOptions options = DashboardOptions.builder().clock(detail.clock).build();
    jetty =
        JettyFixture.start(
            Map.of(
                "/detail/*", new DashboardServlet(detail.store, H200s.twoGpus(), options),
                "/objectives/*", new DashboardServlet(objectives.store, H200s.twoGpus(), options),
                "/synthetic/*", new DashboardServlet(synthetic.store, H200s.twoGpus(), options)));
    Files.createDirectories(DOWNLOADS);
    driver = Chromium.start(Files.createTempDirectory("autotune-chromium-"), DOWNLOADS);
  }

  @BeforeEach
  void requireBrowser() {
    assumeTrue(Chromium.installed(), Chromium.skipReason());
  }

  @AfterEach
  void pageLoggedNoErrors() {
    if (driver != null) {
      assertThat(Chromium.consoleErrors(driver)).as("console errors").isEmpty();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
      jetty.close();
      detail.close();
      objectives.close();
      synthetic.close();
    }
  }

  @Test
  void theExperimentViewShowsItsRunMetricsSlackGpusAndTheLogTailAsText() throws IOException {
    open("/detail/#/tasks/" + detail.task.id());
    waitFor("#experiments-table a.experiment-link");
    driver.findElements(By.cssSelector("#experiments-table a.experiment-link")).get(0).click();
    waitForText("experiment-title", "detail #1");
    assertThat(text("experiment-run")).contains("Deploying 2 m 00 s", "Benchmarking 8 m 00 s");
    assertThat(text("experiment-configuration")).contains("tp-size 1", "policy lpm");
    assertThat(text("experiment-constraints"))
        .contains("ttft_p90", "0.25", "≤ 0.2", "-25%", "broken");
    assertThat(text("experiment-metrics")).contains("throughput 2,400").doesNotContain("gpu");
    assertThat(text("gpu-summary")).contains("util_mean 0.8");
    assertThat(driver.findElements(By.cssSelector("#experiment-gpus tbody tr"))).hasSize(2);
    assertThat(text("experiment-gpus")).contains("70,000", "65,000");
    Chromium.screenshot(driver, TARGET.resolve("dashboard-experiment.png"));

    open("/detail/#/tasks/" + detail.task.id() + "/experiments/2");
    waitForText("experiment-title", "detail #2");
    assertThat(text("experiment-error")).isEqualTo("server exited with code 1");
    assertThat(text("log-tail")).contains("<script>alert(1)</script>", "CUDA out of memory");
    assertThat(driver.findElements(By.cssSelector("#log-tail script"))).isEmpty();
    assertThat(text("experiment-configuration")).contains(DetailStore.MARKUP);
    assertThat(driver.findElements(By.cssSelector("#task img"))).isEmpty();
    Chromium.screenshot(driver, TARGET.resolve("dashboard-experiment-failed.png"));
  }

  @Test
  void theCsvButtonSavesTheExperimentsUnderTheTasksName() throws Exception {
    Path saved = DOWNLOADS.resolve("experiments-detail.csv");
    Files.deleteIfExists(saved);
    open("/detail/#/tasks/" + detail.task.id());
    waitFor("#export-csv");
    // the markup policy is in the table, the trade-off tooltips and an axis of the parallel
    // coordinates: as text everywhere
    assertThat(driver.findElement(By.id("parallel-plot")).getText()).contains(DetailStore.MARKUP);
    assertThat(driver.findElements(By.cssSelector("#task img"))).isEmpty();
    driver.findElement(By.id("export-csv")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.exists(saved));
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> readQuietly(saved).endsWith("CUDA out of memory\"\r\n"));
    assertThat(readQuietly(saved))
        .startsWith("number,status,")
        .contains("\r\n1,SUCCEEDED,", "\r\n2,FAILED,");
  }

  @Test
  void importanceBarsPutTheDominantParameterFirst() {
    open("/synthetic/#/tasks/" + alpha.id());
    waitFor("#importance tr[data-parameter]");
    @SuppressWarnings("unchecked")
    List<List<String>> bars =
        (List<List<String>>)
            driver.executeScript(
                "return [...document.querySelectorAll('#importance table')].map(t =>"
                    + " [...t.querySelectorAll('tr')].map(r => r.dataset.parameter));");
    assertThat(bars).hasSize(2); // throughput and latency
    assertThat(bars.get(0).get(0)).isEqualTo("mem");
    assertThat(text("importance")).contains("throughput (", "feasible experiments)", "%");
  }

  @Test
  void theParetoPlotColoursFeasibilityMarksTheFrontAndShowsTheConfigurationOnHover() {
    open("/synthetic/#/tasks/" + alpha.id());
    waitFor("#pareto-plot circle.pt");
    JsonNode experiments =
        Http.getJson(jetty.uri("/synthetic/api/tasks/" + alpha.id() + "/experiments"))
            .path("experiments");
    List<double[]> feasible = new ArrayList<>();
    int succeeded = 0;
    int infeasible = 0;
    for (JsonNode e : experiments) {
      if (e.path("status").asText().equals("SUCCEEDED")) {
        succeeded++;
        if (e.path("feasible").asBoolean()) {
          JsonNode m = e.path("metrics");
          feasible.add(
              new double[] {m.path("throughput").asDouble(), m.path("latency").asDouble()});
        } else {
          infeasible++;
        }
      }
    }
    assertThat(infeasible).isPositive();
    assertThat(count("#pareto-plot circle.pt")).isEqualTo(succeeded);
    assertThat(count("#pareto-plot circle.pt.infeasible")).isEqualTo(infeasible);
    // the front by brute force: feasible, and no feasible point at least as good in both
    long front =
        feasible.stream()
            .filter(
                p ->
                    feasible.stream()
                        .noneMatch(
                            q -> q[0] >= p[0] && q[1] <= p[1] && (q[0] > p[0] || q[1] < p[1])))
            .count();
    assertThat(count("#pareto-plot circle.pt.front")).isEqualTo(front);

    WebElement point = driver.findElement(By.cssSelector("#pareto-plot circle.pt.front"));
    new Actions(driver).moveToElement(point).perform();
    WebElement tooltip = driver.findElement(By.id("tooltip"));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> tooltip.isDisplayed());
    assertThat(tooltip.getText())
        .contains("#" + point.getAttribute("data-number"), "Pareto", "throughput", "mem", "policy");

    new Select(driver.findElement(By.id("pareto-y"))).selectByValue("ttft");
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElement(By.id("pareto-plot")).getText().contains("ttft"));
    assertThat(
            new Select(driver.findElement(By.id("pareto-y-direction")))
                .getFirstSelectedOption()
                .getText())
        .isEqualTo("min");
  }

  @Test
  void brushingAnAxisOfTheParallelCoordinatesFiltersTheTable() throws IOException {
    open("/synthetic/#/tasks/" + alpha.id());
    waitFor("#parallel-plot .pc-brush-target[data-axis='tp']");
    assertThat(driver.findElements(By.id("table-note"))).isEmpty();
    WebElement target =
        driver.findElement(By.cssSelector("#parallel-plot .pc-brush-target[data-axis='tp']"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
    @SuppressWarnings("unchecked")
    Map<String, Number> box =
        (Map<String, Number>)
            driver.executeScript(
                "const svg = document.getElementById('parallel-plot');"
                    + " const b = svg.getBoundingClientRect(), t = arguments[0].getBoundingClientRect();"
                    + " const scale = b.height / svg.viewBox.baseVal.height;"
                    + " return { center: t.top + t.height / 2,"
                    + "   bottom: b.top + svg.dataset.plotBottom * scale,"
                    + "   top: b.top + svg.dataset.plotTop * scale };",
                target);
    double bottom = box.get("bottom").doubleValue();
    double top = box.get("top").doubleValue();
    double center = box.get("center").doubleValue();
    // from just below tp = 1 (the bottom) to 15 % up: tp = 1 only (tp = 2 sits at a third)
    int start = (int) Math.round(bottom + 2 - center);
    int end = (int) Math.round(bottom - 0.15 * (bottom - top) - center);
    new Actions(driver)
        .moveToElement(target, 0, start)
        .clickAndHold()
        .moveToElement(target, 0, (start + end) / 2)
        .moveToElement(target, 0, end)
        .release()
        .perform();
    waitFor("#table-note");
    assertThat(text("table-note")).contains("of 200 experiments inside the selected ranges");
    @SuppressWarnings("unchecked")
    List<String> parameters =
        (List<String>)
            driver.executeScript(
                "return [...document.querySelectorAll('#experiments-table tbody td.params')]"
                    + ".map(td => td.textContent);");
    assertThat(parameters).isNotEmpty().allMatch(p -> p.contains("tp=1"));
    assertThat(text("table-note")).startsWith(parameters.size() + " of 200");
    assertThat(count("#parallel-plot rect.pc-brush")).isEqualTo(1);
    assertThat(count("#pareto-plot circle.pt.dimmed")).isPositive();
    Chromium.viewport(driver, TARGET.resolve("dashboard-analysis.png"));

    driver.findElement(By.id("clear-brushes")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElements(By.id("table-note")).isEmpty());
    assertThat(count("#experiments-table tbody tr")).isEqualTo(200);
  }

  @Test
  void tickedTasksAreComparedOnOneChart() throws IOException {
    open("/synthetic/");
    waitFor("#tasks-table input.compare-pick");
    assertThat(driver.findElement(By.id("compare-button")).isEnabled()).isFalse();
    for (Task task : List.of(alpha, beta)) {
      driver.findElement(By.cssSelector("#tasks-table input[data-id='" + task.id() + "']")).click();
    }
    driver.findElement(By.id("compare-button")).click();
    waitForText("compare-title", "Comparing 2 tasks");
    waitFor("#compare-fronts circle.front-point");
    @SuppressWarnings("unchecked")
    List<String> curves =
        (List<String>)
            driver.executeScript(
                "return [...document.querySelectorAll('#compare-best polyline.series')]"
                    + ".map(p => p.dataset.task + ':' + p.getAttribute('points').split(' ').length);");
    assertThat(curves).hasSize(2);
    assertThat(curves.get(0)).startsWith("alpha:");
    assertThat(curves.get(1)).startsWith("beta:");
    for (String task : List.of("alpha", "beta")) {
      assertThat(count("#compare-fronts circle.front-point[data-task='" + task + "']"))
          .as(task)
          .isPositive();
    }
    assertThat(text("compare-table")).contains("alpha", "beta", "200 / 200", "120 / 120");
    assertThat(driver.getCurrentUrl()).endsWith("#/compare/" + alpha.id() + "," + beta.id());
    Chromium.screenshot(driver, TARGET.resolve("dashboard-compare.png"));
  }

  private static int count(String css) {
    return driver.findElements(By.cssSelector(css)).size();
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static void open(String path) {
    driver.get(jetty.uri(path).toString());
  }

  private static void waitFor(String css) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "no " + css + "; the page says: " + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  private static void waitForText(String id, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "const e = document.getElementById(arguments[0]);"
                            + " return e !== null && e.textContent === arguments[1];",
                        id,
                        text)));
  }

  private static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }
}
