package org.abstracta.searchapi.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (Debian packages {@code chromium} and {@code chromium-driver}),
 * driven through Selenium. Nothing is downloaded: the browser and driver paths are given
 * explicitly, so Selenium Manager never runs. When they are missing the tests fail with a message
 * that says how to install them ({@code ./mvnw verify} installs them itself where it may).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(env("ABSTRACTA_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(env("ABSTRACTA_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final Duration WAIT = Duration.ofSeconds(15);

  /** Where the screenshots of a test run go: {@code search-api/target/screenshots/}. */
  static final Path SCREENSHOTS =
      Path.of(System.getProperty("basedir", "."), "target", "screenshots");

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a fresh headless browser with its own profile in {@code profileDir}. */
  static Browser start(Path profileDir) {
    requireInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=en-US",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    // The console log, to catch script errors and content-security-policy violations.
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (WebDriverException e) {
      throw new AssertionError(
          "Chromium at "
              + CHROMIUM
              + " did not start under "
              + CHROMEDRIVER
              + ": "
              + e.getMessage(),
          e);
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    return new Browser(driver);
  }

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Fails, never skips, when Chromium or its driver is missing: a test run that silently leaves out
   * the page and the box would report them as working.
   */
  static void requireInstalled() {
    if (installed()) return;
    fail(
        "The browser tests need Chromium at "
            + CHROMIUM
            + " and ChromeDriver at "
            + CHROMEDRIVER
            + ". ./mvnw verify installs them with apt-get when it runs as root or with sudo"
            + " (src/bin/install-browser.sh); otherwise run: sudo apt-get install chromium"
            + " chromium-driver");
  }

  <T> T waitFor(Function<WebDriver, T> condition) {
    // Lists re-render as responses arrive: an element found a moment ago may be gone; try again.
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  @SuppressWarnings("unchecked")
  <T> T js(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves what the browser shows as {@code target/screenshots/name}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name);
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the whole page (up to {@code maxHeight} CSS pixels tall), not just the viewport. */
  Path fullPageScreenshot(String name, int maxHeight) {
    Long width = js("return window.innerWidth");
    Long height = js("return document.documentElement.scrollHeight");
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            width,
            "height",
            Math.min(height, maxHeight),
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    try {
      return screenshot(name);
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /**
   * Console errors since the last call that point at a fault of the page: uncaught exceptions and
   * content-security-policy violations (not, say, a 404 the page asked for on purpose).
   */
  List<String> pageErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(
            m ->
                m.contains("Content Security Policy")
                    || m.contains("Content-Security-Policy")
                    || m.contains("Uncaught"))
        .toList();
  }

  /** The ids of the search page's hits once it has finished loading; null while it loads. */
  List<String> hitsShown() {
    if (!"false".equals(driver.findElement(By.id("results")).getDomAttribute("aria-busy")))
      return null;
    return driver.findElements(By.cssSelector("#hits .hit")).stream()
        .map(e -> e.getDomAttribute("data-id"))
        .toList();
  }

  /** Every console error since the last call (a failed load, a 404 included). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** axe-core's script, from its WebJar on the test class path. */
  private static final String AXE_SCRIPT = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  /**
   * What axe-core finds wrong with the page shown (WCAG 2 A and AA rules and its best practices),
   * one line per rule and element; empty when it finds nothing. Shadow DOM (the embedded box) is
   * checked too.
   */
  List<String> axeViolations() {
    String axe;
    try (var in = Browser.class.getResourceAsStream(AXE_SCRIPT)) {
      if (in == null) throw new AssertionError("axe-core is not on the test class path");
      axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    js(axe + "\n;window.__axe = axe;");
    Object result =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "window.__axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                    + " + v.nodes.map(n => JSON.stringify(n.target)).join(', '))))"
                    + ".catch(e => done(['axe failed: ' + e]));");
    @SuppressWarnings("unchecked")
    List<String> violations = (List<String>) result;
    return violations;
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
