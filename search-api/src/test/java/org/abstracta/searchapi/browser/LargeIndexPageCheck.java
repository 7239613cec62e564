package org.abstracta.searchapi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.api.ApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The pages over a large index (the 112,788 arXiv papers), run by hand: {@code ./mvnw verify -pl
 * search-api -am -Dabstracta.largeIndex=/path/to/index} (the property turns on the profile that
 * runs {@code *Check} classes; a plain verify never sees this one, so it never shows as skipped).
 * Measures where each facet's heading lands for a common query, sets a year range with the control,
 * and checks the console and axe-core on the search page, a paper page and a page with the box; the
 * numbers go to {@code target/large-index-page.txt}.
 */
@EnabledIfSystemProperty(named = "abstracta.largeIndex", matches = ".+")
class LargeIndexPageCheck {
  /** Every facet heading must be within this many CSS pixels of the top of the page. */
  static final int FOLD = 1200;

  @TempDir Path tmp;

  @Test
  void the_pages_fit_and_stay_clean_over_a_large_index() throws Exception {
    Path index = Path.of(System.getProperty("abstracta.largeIndex"));
    List<String> report = new ArrayList<>();
    try (ApiServer server = ApiServer.over(index);
        Browser browser = Browser.start(tmp.resolve("profile"))) {
      var driver = browser.driver;
      String base = server.base;
      JsonNode stats = ApiServer.json(server.get("/api/stats"));
      report.add("index " + index + ": " + stats.get("documents").asLong() + " documents");

      driver.get(base + "/?q=diffusion+policy");
      browser.waitFor(
          d ->
              "false".equals(d.findElement(By.id("results")).getDomAttribute("aria-busy"))
                  && !d.findElements(By.cssSelector("#hits .hit")).isEmpty());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> headings =
          (List<Map<String, Object>>)
              browser.js(
                  "return [...document.querySelectorAll('#facets section.facet')]"
                      + ".filter(s => !s.hidden).map(s => ({dim: s.dataset.dim,"
                      + " top: Math.round(s.querySelector('h2').getBoundingClientRect().top"
                      + " + window.scrollY)}))");
      report.add("window " + browser.js("return window.innerWidth + 'x' + window.innerHeight"));
      for (Map<String, Object> h : headings) {
        report.add(
            "  /?q=diffusion+policy facet " + h.get("dim") + " heading at " + h.get("top") + " px");
      }
      browser.fullPageScreenshot("large-index-diffusion-policy.png", 2400);
      for (Map<String, Object> h : headings) {
        assertTrue(((Number) h.get("top")).intValue() <= FOLD, h.toString());
      }
      assertEquals(6, headings.size(), "every facet shows");

      // The year range control gives exactly the URL filter.
      WebElement from = driver.findElement(By.id("year-from"));
      from.sendKeys("2019");
      driver.findElement(By.id("year-to")).sendKeys("2023", Keys.ENTER);
      browser.waitFor(d -> d.getCurrentUrl().equals(base + "/?q=diffusion+policy&year=2019..2023"));
      JsonNode viaUrl =
          ApiServer.json(server.get("/api/search?facets=none&q=diffusion+policy&year=2019..2023"));
      List<String> expected = new ArrayList<>();
      for (JsonNode hit : viaUrl.get("hits")) expected.add(hit.get("id").asText());
      browser.waitFor(d -> expected.equals(browser.hitsShown()));
      String status = driver.findElement(By.id("status")).getText();
      report.add(
          "year range via the control: "
              + driver.getCurrentUrl().substring(base.length())
              + " — "
              + status
              + "; the API with year=2019..2023: total "
              + viaUrl.get("total").asLong()
              + ", same "
              + expected.size()
              + " hits in the same order");
      long total = viaUrl.get("total").asLong();
      assertTrue(
          total == 0
              ? status.startsWith("No papers found")
              : status.contains(String.format("%,d", total)),
          status);

      // And a range that finds papers in this index: its oldest year to its newest.
      List<Integer> years = new ArrayList<>();
      for (JsonNode y :
          ApiServer.json(server.get("/api/search?size=0&facets=year&q=learning"))
              .get("facets")
              .get("year")) {
        years.add(y.get("value").asInt());
      }
      years.sort(null);
      int first = years.getFirst();
      int last = years.getLast();
      String range = first == last ? Integer.toString(first) : first + ".." + last;
      driver.get(base + "/?q=learning");
      browser.waitFor(d -> !d.findElements(By.cssSelector("#hits .hit")).isEmpty());
      driver.findElement(By.id("year-from")).sendKeys(Integer.toString(first));
      driver.findElement(By.id("year-to")).sendKeys(Integer.toString(last), Keys.ENTER);
      browser.waitFor(d -> d.getCurrentUrl().equals(base + "/?q=learning&year=" + range));
      JsonNode learning =
          ApiServer.json(server.get("/api/search?facets=none&q=learning&year=" + range));
      List<String> learningIds = new ArrayList<>();
      for (JsonNode hit : learning.get("hits")) learningIds.add(hit.get("id").asText());
      browser.waitFor(d -> learningIds.equals(browser.hitsShown()));
      report.add(
          "years of q=learning: "
              + years
              + "; via the control "
              + driver.getCurrentUrl().substring(base.length())
              + " — "
              + driver.findElement(By.id("status")).getText()
              + "; the API: total "
              + learning.get("total").asLong()
              + ", same first "
              + learningIds.size()
              + " hits in the same order");

      List<String> problems = new ArrayList<>(audit(browser, "search page", report));

      String paper =
          ApiServer.json(server.get("/api/search?facets=none&q=diffusion+policy"))
              .get("hits")
              .get(0)
              .get("id")
              .asText();
      driver.get(base + "/papers/" + paper);
      browser.waitFor(d -> !d.findElements(By.cssSelector("#similar-hits .hit")).isEmpty());
      problems.addAll(audit(browser, "paper page /papers/" + paper, report));

      HttpServer site =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String page =
          "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reading group</title>"
              + "<link rel=\"icon\" href=\"data:,\"></head><body><main><h1>Reading group</h1>"
              + "<script src=\""
              + base
              + "/embed.js\" defer></script>"
              + "<abstracta-search endpoint=\""
              + base
              + "\"></abstracta-search></main></body></html>";
      site.createContext(
          "/",
          ex -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(bytes);
            }
          });
      site.start();
      try {
        driver.get("http://localhost:" + site.getAddress().getPort() + "/");
        browser.waitFor(d -> browser.js("return !!customElements.get('abstracta-search')"));
        WebElement input =
            driver
                .findElement(By.tagName("abstracta-search"))
                .getShadowRoot()
                .findElement(By.cssSelector("input"));
        input.sendKeys("diffusion policy");
        browser.waitFor(
            d ->
                !driver
                    .findElement(By.tagName("abstracta-search"))
                    .getShadowRoot()
                    .findElements(By.cssSelector("[role=option]"))
                    .isEmpty());
        problems.addAll(audit(browser, "page with the box (results open)", report));
      } finally {
        site.stop(0);
      }
      Files.createDirectories(Browser.SCREENSHOTS.getParent());
      Files.write(Browser.SCREENSHOTS.getParent().resolve("large-index-page.txt"), report);
      report.forEach(System.out::println);
      assertEquals(List.of(), problems);
    }
  }

  /** The console errors and axe-core violations of the page shown, noted in the report. */
  private static List<String> audit(Browser browser, String page, List<String> report) {
    List<String> errors = browser.consoleErrors();
    List<String> axe = browser.axeViolations();
    report.add(page + ": console errors " + errors + ", axe-core violations " + axe);
    List<String> all = new ArrayList<>(errors);
    all.addAll(axe);
    return all;
  }
}
