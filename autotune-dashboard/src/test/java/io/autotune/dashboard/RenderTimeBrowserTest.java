package io.autotune.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autotune.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A task of 10,000 experiments renders in under a second in headless Chromium (issue 16 item 6):
 * the median of five fresh page loads. The page measures itself ({@code performance.measure}):
 * {@code autotune:task-render} is drawing the task view from the three answers, {@code
 * autotune:task-load} fetching them and drawing. The figures go to {@code target/render-time.txt};
 * docs/dashboard.md reports them.
 */
class RenderTimeBrowserTest {
  private static final int EXPERIMENTS = 10_000;
  private static final int RUNS = 5;

  private static SyntheticStore synthetic;
  private static Task big;
  private static JettyFixture jetty;
  private static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    if (!Chromium.installed()) {
      return;
    }
    synthetic = new SyntheticStore();
    big = synthetic.task("big", EXPERIMENTS, 3);
    DashboardOptions options = DashboardOptions.builder().clock(synthetic.clock).build();
    jetty =
        JettyFixture.start(
            Map.of(
                "/dashboard/*", new DashboardServlet(synthetic.store, H200s.twoGpus(), options)));
    driver =
        Chromium.start(
            Files.createTempDirectory("autotune-chromium-"), Path.of("target/downloads"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
      jetty.close();
      synthetic.close();
    }
  }

  @Test
  void tenThousandExperimentsRenderInUnderASecond() throws Exception {
    assumeTrue(Chromium.installed(), Chromium.skipReason());
    List<Double> render = new ArrayList<>();
    List<Double> load = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      driver.get("about:blank"); // a fresh page each run, not a change of the fragment
      driver.get(jetty.uri("/dashboard/#/tasks/" + big.id()).toString());
      Map<String, Number> measured = waitForMeasures();
      render.add(measured.get("render").doubleValue());
      load.add(measured.get("load").doubleValue());
    }
    assertThat(driver.findElement(By.id("pareto-plot")).getAttribute("data-points"))
        .isEqualTo(Integer.toString(EXPERIMENTS - EXPERIMENTS / 20));
    assertThat(driver.findElements(By.cssSelector("#experiments-table tbody tr"))).hasSize(200);
    assertThat(driver.findElement(By.id("table-note")).getText())
        .contains("10000 experiments; showing the first 200");
    hoveringADotDrawnAsPartOfAPathShowsItsTooltip();
    assertThat(Chromium.consoleErrors(driver)).isEmpty();
    String report =
        String.format(
            Locale.ROOT,
            "%d experiments, %d runs: render median %.0f ms (max %.0f), fetch and render median"
                + " %.0f ms (max %.0f)%n",
            EXPERIMENTS,
            RUNS,
            median(render),
            max(render),
            median(load),
            max(load));
    Files.writeString(Path.of("target/render-time.txt"), report);
    System.out.print(report);
    // the median: on a shared build machine one run in five can lose the CPU for a while
    assertThat(median(render)).as(report).isLessThan(1000);
  }

  /** With this many points the curve's dots are one path; the tooltip finds the nearest. */
  private static void hoveringADotDrawnAsPartOfAPathShowsItsTooltip() {
    WebElement chart = driver.findElement(By.cssSelector("svg.curve"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
    @SuppressWarnings("unchecked")
    Map<String, Number> dot =
        (Map<String, Number>)
            driver.executeScript(
                "const svg = arguments[0], path = svg.querySelector('path.dot.dots');"
                    + " const [x, y] = path.getAttribute('d').slice(1).split('a')[0].split(',').map(Number);"
                    + " const b = svg.getBoundingClientRect(), s = b.width / svg.viewBox.baseVal.width;"
                    + " return { dx: b.left + (x + 2.5) * s - (b.left + b.width / 2),"
                    + "          dy: b.top + y * s - (b.top + b.height / 2) };",
                chart);
    new Actions(driver)
        .moveToElement(chart, dot.get("dx").intValue(), dot.get("dy").intValue())
        .perform();
    WebElement tooltip = driver.findElement(By.id("tooltip"));
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> tooltip.isDisplayed());
    assertThat(tooltip.getText()).startsWith("#").contains("throughput");
  }

  /** The first render and load the page measured after it was opened. */
  @SuppressWarnings("unchecked")
  private static Map<String, Number> waitForMeasures() {
    return new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                (Map<String, Number>)
                    driver.executeScript(
                        "const r = performance.getEntriesByName('autotune:task-render');"
                            + " const l = performance.getEntriesByName('autotune:task-load');"
                            + " return r.length && l.length"
                            + "   ? { render: r[0].duration, load: l[0].duration } : null;"));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }
}
