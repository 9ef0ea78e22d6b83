package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotune.spi.GpuMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium, served by Jetty under a context path: one servlet showing
 * UTC, one showing Asia/Shanghai (as if started with {@code TIMEZONE=Asia/Shanghai}). Skipped where
 * Chromium or chromedriver is not installed ({@code apt-get install chromium chromium-driver};
 * override the paths with CHROMIUM and CHROMEDRIVER).
 */
class BrowserTest {
  private static final Path TARGET = Path.of("target");

  /** What JNA says when libnvidia-ml is missing: several lines, none of them for people. */
  private static final String LOADER_ERROR =
      "no GPU monitor: nvml: libnvidia-ml not found (Unable to load library 'nvidia-ml':\n"
          + "libnvidia-ml.so: cannot open shared object file: No such file or directory\n"
          + "Native library (linux-x86-64/libnvidia-ml.so) not found in resource path);"
          + " nvidia-smi: nvidia-smi cannot be run";

  private static SeededStore seeded;
  private static ObjectivesStore objectives;
  private static JettyFixture jetty;
  private static ChromeDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    if (!browserInstalled()) {
      return; // each test is skipped, with the reason, by requireBrowser()
    }
    seeded = SeededStore.h2();
    DashboardOptions utc = DashboardOptions.builder().clock(seeded.clock).build();
    DashboardOptions shanghai =
        DashboardOptions.builder()
            .zoneFromEnvironment(Map.of("TIMEZONE", "Asia/Shanghai"))
            .clock(seeded.clock)
            .build();
    objectives = new ObjectivesStore();
    DashboardOptions fourBars = utc.toBuilder().timelineBars(4).build();
    jetty =
        JettyFixture.start(
            Map.of(
                "/dashboard/*", new DashboardServlet(seeded.store, H200s.twoGpus(), utc),
                "/shanghai/*", new DashboardServlet(seeded.store, H200s.twoGpus(), shanghai),
                "/capped/*", new DashboardServlet(seeded.store, H200s.twoGpus(), fourBars),
                "/nogpu/*", new DashboardServlet(seeded.store, GpuMonitor.none(LOADER_ERROR), utc),
                "/objectives/*", new DashboardServlet(objectives.store, H200s.twoGpus(), utc)));
    profile = Files.createTempDirectory("autotune-chromium-");
    driver = Chromium.start(profile, TARGET.resolve("downloads"));
  }

  private static boolean browserInstalled() {
    return Chromium.installed();
  }

  @BeforeEach
  void requireBrowser() {
    assumeTrue(browserInstalled(), Chromium.skipReason());
  }

  @AfterEach
  void pageLoggedNoErrors() {
    if (driver == null) {
      return;
    }
    assertThat(Chromium.consoleErrors(driver)).as("console errors").isEmpty();
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (jetty != null) {
      jetty.close();
      seeded.close();
      objectives.close();
    }
  }

  @Test
  void theTimelineHasOneBarPerExperimentPlacedByItsTimes() throws IOException {
    open("/dashboard/");
    List<WebElement> bars = waitForBars(9);
    JsonNode timeline = Http.getJson(jetty.uri("/dashboard/api/experiment-timeline?hours=24"));
    assertThat(bars).hasSize(timeline.path("experiments").size());

    WebElement chart = driver.findElement(By.cssSelector("svg.gantt"));
    double left = number(chart, "data-plot-left");
    double width = number(chart, "data-plot-width");
    Instant axisStart = Instant.parse("2026-11-30T09:00:00Z");
    double pixelsPerMinute = width / 180; // the axis runs from 09:00 to 12:00
    for (WebElement bar : bars) {
      Instant start = Instant.parse(bar.getAttribute("data-start"));
      String end = bar.getAttribute("data-end");
      Instant stop = end.isEmpty() ? SeededStore.NOW : Instant.parse(end);
      double minutesIn = Duration.between(axisStart, start).toSeconds() / 60.0;
      double minutesLong = Duration.between(start, stop).toSeconds() / 60.0;
      assertThat(number(bar, "x"))
          .as(bar.getAttribute("data-label"))
          .isCloseTo(left + minutesIn * pixelsPerMinute, within(0.5));
      assertThat(number(bar, "width"))
          .as(bar.getAttribute("data-label"))
          .isCloseTo(minutesLong * pixelsPerMinute, within(0.5));
    }
    // the seed, by hand: qwen-sglang #1 ran 09:00-09:15, the running llama-vllm #3 from 11:30
    assertThat(bars.get(0).getAttribute("data-label")).isEqualTo("qwen-sglang #1");
    assertThat(number(bars.get(0), "width")).isCloseTo(15 * pixelsPerMinute, within(0.5));
    assertThat(bars.get(8).getAttribute("class")).contains("other", "running");
    assertThat(bars.get(0).getAttribute("class")).contains("succeeded");
    assertThat(driver.findElements(By.cssSelector("rect.bar.failed"))).hasSize(3);
    screenshot("dashboard-overview.png");
  }

  @Test
  void pastItsLimitTheTimelineSaysHowManyExperimentsItLeftOut() {
    open("/capped/");
    List<WebElement> bars = waitForBars(4);

    assertThat(driver.findElement(By.cssSelector("p.timeline-note")).getText())
        .isEqualTo(
            "Showing 4 of the 9 experiments of the last 24 h: the running ones and the latest"
                + " started.");
    // the running llama-vllm #3 is among them, and the bars keep their order by start
    assertThat(bars.get(3).getAttribute("class")).contains("running");
    open("/dashboard/");
    waitForBars(9);
    assertThat(driver.findElements(By.cssSelector("p.timeline-note"))).isEmpty();
  }

  @Test
  void tickLabelsAreInTheConfiguredZone() {
    open("/dashboard/");
    waitForBars(9);
    assertThat(tickLabels())
        .containsExactly("09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00");
    WebElement chart = driver.findElement(By.cssSelector("svg.gantt"));
    WebElement ten = driver.findElements(By.cssSelector("text.tick-label")).get(2);
    assertThat(number(ten, "x"))
        .isCloseTo(
            number(chart, "data-plot-left") + number(chart, "data-plot-width") / 3, within(0.5));

    open("/shanghai/");
    waitForBars(9);
    assertThat(tickLabels())
        .containsExactly("17:00", "17:30", "18:00", "18:30", "19:00", "19:30", "20:00");
    assertThat(driver.findElement(By.id("zone")).getText()).isEqualTo("Asia/Shanghai (UTC+08:00)");
    // the tables use the zone too: qwen-sglang was created at 09:00 UTC
    assertThat(driver.findElement(By.id("tasks-table")).getText())
        .contains("2026-11-30 17:00:00")
        .doesNotContain("2026-11-30 09:00:00");
  }

  @Test
  void anHtmlTaskNameIsShownAsText() {
    open("/dashboard/");
    waitForBars(9);
    WebElement link =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(
                d ->
                    d.findElements(By.cssSelector("#tasks-table a.task-link")).stream()
                        .filter(a -> a.getText().equals(SeededStore.XSS_NAME))
                        .findFirst()
                        .orElse(null));
    assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    link.click();
    WebElement title =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(d -> d.findElements(By.id("task-name")).stream().findFirst().orElse(null));
    assertThat(title.getText()).isEqualTo(SeededStore.XSS_NAME);
    assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    assertThat(driver.findElements(By.tagName("img"))).hasSize(1); // the logo
  }

  @Test
  void theTaskViewShowsTheBestConfigurationTheCurveAndTheExperiments() throws IOException {
    open("/dashboard/#/tasks/" + seeded.qwen.id());
    WebElement best =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(d -> d.findElements(By.id("best-score")).stream().findFirst().orElse(null));
    assertThat(best.getText()).isEqualTo("2,600");
    assertThat(driver.findElements(By.cssSelector("svg.curve circle.dot"))).hasSize(3);
    assertThat(driver.findElements(By.cssSelector("svg.curve path.cross"))).hasSize(2);
    assertThat(driver.findElements(By.cssSelector("#experiments-table tbody tr"))).hasSize(5);
    // one objective, no SLOs: its raw value, no score, no feasibility, no Pareto marks
    assertThat(headers())
        .containsExactly(
            "#", "Status", "Started", "Duration", "throughput (max)", "Parameters", "Error");
    assertThat(driver.findElements(By.cssSelector(".pareto-mark, tr.infeasible"))).isEmpty();
    screenshot("dashboard-task.png");
  }

  @Test
  void oneOutlierDoesNotFlattenTheCurveAndIsMarkedOffTheScale() {
    openTask(objectives.outlier);
    Map<String, Object> curve =
        snapshot(
            "const chart = document.querySelector('svg.curve');"
                + "return { top: +chart.dataset.plotTop, bottom: +chart.dataset.plotBottom,"
                + " ys: [...chart.querySelectorAll('circle.dot')].map(c => +c.getAttribute('cy')),"
                + " off: [...chart.querySelectorAll('path.off-scale')].map(p => p.dataset.number),"
                + " note: (document.getElementById('off-scale') || {}).textContent,"
                + " best: document.getElementById('best-score').textContent };");
    double height =
        ((Number) curve.get("bottom")).doubleValue() - ((Number) curve.get("top")).doubleValue();
    List<Double> ys =
        ((List<?>) curve.get("ys")).stream().map(y -> ((Number) y).doubleValue()).sorted().toList();
    // 1.0 ... 1.8 beside 1e77: five dots spread over the plot's height, one apart from the next
    assertThat(ys).hasSize(5);
    assertThat(ys.get(4) - ys.get(0)).isGreaterThan(0.75 * height);
    for (int i = 1; i < ys.size(); i++) {
      assertThat(ys.get(i) - ys.get(i - 1)).isGreaterThan(0.1 * height);
    }
    assertThat(curve.get("off")).isEqualTo(List.of("3"));
    assertThat(curve.get("note")).isEqualTo("▲▼: 1 value off the scale (#3 1.000e+77)");
    assertThat(curve.get("best")).isEqualTo("1");
  }

  @Test
  void infeasibleExperimentsAreMarkedWithTheirSlackAndTheParetoFrontToo() throws IOException {
    openTask(objectives.pareto);
    assertThat(headers())
        .containsExactly(
            "#",
            "Status",
            "Started",
            "Duration",
            "throughput (max)",
            "tpot (min)",
            "Feasible",
            "Slack",
            "Parameters",
            "Error");
    List<Map<String, Object>> rows = rows();
    assertThat(rows).hasSize(5);
    Map<String, Object> broken = rows.get(1);
    assertThat((String) broken.get("cls")).contains("infeasible");
    assertThat((String) broken.get("text"))
        .contains("3,000", "infeasible", "ttft_p90 0.25 > 0.2 (slack -25%)");
    assertThat(broken.get("badge")).isEqualTo("ttft_p90 0.25 > 0.2 (slack -25%)");
    assertThat((String) rows.get(2).get("text")).contains("ttft_p90 0.18 ≤ 0.2 (slack +10%)");
    assertThat(rows.stream().map(r -> r.get("first"))).containsExactly("1 ◆", "2", "3 ◆", "4", "5");
    assertThat(rows.stream().filter(r -> ((String) r.get("cls")).contains("infeasible")))
        .hasSize(1);
    Map<String, Object> summary =
        snapshot(
            "return { best: document.getElementById('best-score').textContent,"
                + " front: document.getElementById('pareto-front').textContent,"
                + " counts: document.getElementById('feasible-count').textContent,"
                + " hollow: document.querySelectorAll('svg.curve circle.dot.infeasible').length,"
                + " best_dots: document.querySelectorAll('svg.curve circle.dot.best').length };");
    // the best is the best feasible throughput, #3, not the infeasible #2
    assertThat(summary)
        .containsEntry("best", "2,500")
        .containsEntry("front", "Pareto front: #1, #3")
        .containsEntry("counts", "3 of 4 succeeded experiments met the constraints.")
        .containsEntry("hollow", 1L)
        .containsEntry("best_dots", 2L);
    screenshot("dashboard-objectives.png");
  }

  @Test
  void theScoreColumnShowsOnlyWhereALegacyPenaltyMovesIt() {
    openTask(objectives.legacy);
    assertThat(headers()).contains("throughput (max)", "Score").doesNotContain("Feasible");
    List<Map<String, Object>> rows = rows();
    assertThat(rows.get(1).get("value")).isEqualTo("3,000");
    assertThat(snapshot("return { best: document.getElementById('best-score').textContent };"))
        .containsEntry("best", "2,000");
  }

  @Test
  void theTaskListShowsBestRawValuesFeasibleCountsAndTheParetoFront() {
    open("/objectives/");
    waitFor("#tasks-table tbody tr", 3);
    List<?> rows =
        (List<?>)
            driver.executeScript(
                "return [...document.querySelectorAll('#tasks-table tbody tr')]"
                    + ".map(r => r.innerText);");
    assertThat((String) rows.get(0))
        .contains("pareto-slo", "max throughput, min tpot", "3 / 4", "Pareto front of 2");
    assertThat((String) rows.get(1)).contains("outlier", "6 / 6", "1 (#1)");
    assertThat((String) rows.get(2)).contains("legacy-slo", "2 / 2", "2,000 (#1)");
  }

  @Test
  void hoveringABarShowsItsDurationStatusScoreAndParameters() {
    open("/dashboard/");
    List<WebElement> bars = waitForBars(9);
    new Actions(driver).moveToElement(bars.get(1)).perform();
    WebElement tooltip = driver.findElement(By.id("tooltip"));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> tooltip.isDisplayed());
    assertThat(tooltip.getText())
        .contains(
            "qwen-sglang #2",
            "SUCCEEDED",
            "20 m 00 s",
            "2,600",
            "schedule-policy",
            "lpm",
            "2026-11-30 09:20:00");
  }

  @Test
  void gpuCardsColourUtilisationAndWorkersShowTheirState() {
    open("/dashboard/");
    List<WebElement> badges =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(
                d -> {
                  List<WebElement> found = d.findElements(By.cssSelector(".gpu .util"));
                  return found.size() == 2 ? found : null;
                });
    assertThat(badges.get(0).getAttribute("class")).contains("high"); // 95 %
    assertThat(badges.get(1).getAttribute("class")).contains("low"); // 42 %
    String workers = driver.findElement(By.id("workers-table")).getText();
    assertThat(workers).contains("running", "late", "stopped");
    assertThat(driver.findElement(By.id("running-tasks")).getText())
        .contains("llama-vllm", "2 / 10 experiments");
  }

  @Test
  void withoutAGpuThePanelSaysSoInOneLineAndKeepsTheLoaderErrorBehindAToggle() {
    open("/nogpu/");
    WebElement message =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(
                d -> {
                  List<WebElement> found = d.findElements(By.cssSelector("#gpus .gpu-message"));
                  return found.isEmpty() ? null : found.get(0);
                });
    assertThat(message.getText()).isEqualTo("No NVIDIA GPU found");
    WebElement details = driver.findElement(By.cssSelector("#gpus details.gpu-reason"));
    WebElement detail = details.findElement(By.tagName("pre"));
    assertThat(detail.isDisplayed()).as("the detail is folded").isFalse();
    assertThat(driver.findElement(By.id("gpus")).getText()).doesNotContain("libnvidia-ml");

    details.findElement(By.tagName("summary")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> detail.isDisplayed());
    assertThat(detail.getText())
        .contains("Unable to load library 'nvidia-ml':", "not found in resource path");
  }

  private static void open(String path) {
    driver.get(jetty.uri(path).toString());
  }

  private static List<WebElement> waitForBars(int count) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d -> {
              List<WebElement> bars = d.findElements(By.cssSelector("svg.gantt rect.bar"));
              return bars.size() == count ? bars : null;
            });
  }

  private static List<WebElement> waitFor(String css, int count) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(css));
              return found.size() == count ? found : null;
            });
  }

  /** Opens a task of the objectives store and waits until the page shows it. */
  private static void openTask(io.autotune.model.Task task) {
    open("/objectives/#/tasks/" + task.id());
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "const name = document.getElementById('task-name');"
                            + " return name !== null && name.textContent === arguments[0]"
                            + " && document.getElementById('experiments-table') !== null;",
                        task.name())));
  }

  /**
   * What a script returns from the page, read in one go: the page redraws itself every few seconds,
   * and an element found before a redraw is stale after it.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> snapshot(String script) {
    return (Map<String, Object>) driver.executeScript(script);
  }

  /** Each row of the experiment table: its class, text, first cell, first value and badge tip. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows() {
    return (List<Map<String, Object>>)
        driver.executeScript(
            "return [...document.querySelectorAll('#experiments-table tbody tr')].map(r => ({"
                + " cls: r.className, text: r.innerText, first: r.cells[0].innerText.trim(),"
                + " value: (r.querySelector('td.value') || {}).textContent || '',"
                + " badge: (r.querySelector('.badge.infeasible') || {}).title || '' }));");
  }

  private static List<String> headers() {
    return ((List<?>)
            driver.executeScript(
                "return [...document.querySelectorAll('#experiments-table thead th')]"
                    + ".map(th => th.textContent);"))
        .stream().map(String::valueOf).toList();
  }

  private static List<String> tickLabels() {
    return driver.findElements(By.cssSelector("svg.gantt text.tick-label")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static double number(WebElement element, String attribute) {
    return Double.parseDouble(element.getAttribute(attribute));
  }

  /** Saves the whole page, the window resized to its height, under target/. */
  private static void screenshot(String name) throws IOException {
    Chromium.screenshot(driver, TARGET.resolve(name));
  }
}
