package io.autotune.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the browser tests, through chromedriver: {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (Debian's chromium and chromium-driver), or the paths in the
 * environment variables CHROMIUM and CHROMEDRIVER.
 */
final class Chromium {
  static final Path BINARY = Path.of(env("CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  static String skipReason() {
    return "browser test skipped: "
        + BINARY
        + " or "
        + DRIVER
        + " is not installed (apt-get install chromium chromium-driver)";
  }

  /**
   * A browser with its own profile, saving downloads into {@code downloads}, logging its console.
   */
  static ChromeDriver start(Path profile, Path downloads) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1440,1800",
        "--lang=en-US");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build(),
        options);
  }

  /** The console's errors since the last call. */
  static List<LogEntry> consoleErrors(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
  }

  /** Saves the whole page as {@code file}, the window resized to the page's height. */
  static void screenshot(ChromeDriver driver, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    driver.manage().window().setSize(new Dimension(1440, 400)); // so the page sets the height
    Number height =
        (Number)
            driver.executeScript(
                "return document.documentElement.scrollHeight"
                    + " + window.outerHeight - window.innerHeight");
    driver.manage().window().setSize(new Dimension(1440, height.intValue()));
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(new Dimension(1440, 1800));
  }

  /** Saves what the window shows, from the top of the page, as {@code file}. */
  static void viewport(ChromeDriver driver, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    driver.executeScript("window.scrollTo(0, 0);");
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
