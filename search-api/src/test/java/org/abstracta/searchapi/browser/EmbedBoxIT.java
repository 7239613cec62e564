package org.abstracta.searchapi.browser;

import static org.abstracta.searchapi.browser.BrowserApp.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.Color;

/**
 * The embeddable box ({@code /embed.js}) on a page of another origin: a second tiny web server on
 * {@code localhost} and another port serves plain HTML pages with the two lines from the spec,
 * while the service runs on {@code 127.0.0.1}. The box must fetch across origins (CORS), highlight
 * matches, work from the keyboard as an ARIA combobox, follow a result, and never turn data into
 * markup.
 */
class EmbedBoxIT {
  @TempDir static Path tmp;

  static BrowserApp app;
  static Browser browser;
  static ChromeDriver driver;
  static HttpServer site;
  static String siteBase;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    start(() -> BrowserApp.startFor(test.getTestClass().orElseThrow()));
  }

  /** Starts the browser, the host site and the app {@code starter} starts. */
  static void start(BrowserApp.Starter starter) throws Exception {
    if (!Browser.installed()) return; // each test then fails, saying how to install them
    app = starter.start();
    site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext("/", EmbedBoxIT::sitePage);
    site.start();
    siteBase = "http://localhost:" + site.getAddress().getPort();
    browser = Browser.start(tmp.resolve("profile"));
    driver = browser.driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) browser.close();
    if (site != null) site.stop(0);
    if (app != null) app.close();
  }

  @BeforeEach
  void forget_earlier_console_messages() {
    Browser.requireInstalled();
    browser.pageErrors();
  }

  @AfterEach
  void no_script_errors() {
    if (browser != null) assertEquals(List.of(), browser.pageErrors());
  }

  /** The embedding site's pages. */
  private static void sitePage(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String api = app.base;
    String body =
        switch (path) {
          // Exactly the two lines from the spec, in an otherwise plain page.
          case "/" ->
              page(
                  "A reading group",
                  "<h1>Reading group</h1>\n<p>Search the papers we read:</p>\n"
                      + "<script src=\""
                      + api
                      + "/embed.js\" defer></script>\n"
                      + "<abstracta-search endpoint=\""
                      + api
                      + "\" subject=\"cs.LG\"></abstracta-search>\n"
                      + "<p>Text under the box.</p>");
          case "/themed" ->
              page(
                  "A themed site",
                  "<style>abstracta-search{--abstracta-accent:rgb(200, 30, 90);"
                      + "--abstracta-font:16px Georgia, serif;max-width:36rem}</style>\n"
                      + "<h1>Themed</h1>\n<script src=\""
                      + api
                      + "/embed.js\" defer></script>\n"
                      + "<abstracta-search endpoint=\""
                      + api
                      + "\" size=\"3\" placeholder=\"Find a paper\" link-template=\""
                      + siteBase
                      + "/p/{id}\"></abstracta-search>");
          // No endpoint attribute (the script's origin is used), the script included twice, and
          // a record of the page's globals before the script ran.
          case "/plain" ->
              page(
                  "A plain site",
                  "<script>window.__globalsBefore = Object.getOwnPropertyNames(window);</script>\n"
                      + "<script src=\""
                      + api
                      + "/embed.js\"></script>\n"
                      + "<script src=\""
                      + api
                      + "/embed.js\"></script>\n"
                      + "<script>window.__globalsAfter = Object.getOwnPropertyNames(window);</script>\n"
                      + "<abstracta-search></abstracta-search>");
          default ->
              path.startsWith("/p/")
                  ? page("Paper on the site", "<h1 id=\"site-paper\">Site page</h1>")
                  : null;
        };
    byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String page(String title, String content) {
    // An empty icon: the site has none, and the browser would otherwise log its 404. The content
    // in <main>, as a site's page has it (axe-core checks the page's landmarks too).
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title><link rel=\"icon\" href=\"data:,\"></head>\n<body>\n<main>\n"
        + content
        + "\n</main>\n</body></html>\n";
  }

  @Test
  void the_box_on_another_origin_shows_highlighted_results_and_follows_one_from_the_keyboard() {
    assertNotEquals(URI.create(siteBase).getAuthority(), URI.create(app.base).getAuthority());
    List<String> titles = app.titles("q=reinforcement+learning&subject=cs.LG&size=5");
    List<String> ids = app.ids("q=reinforcement+learning&subject=cs.LG&size=5");
    assertTrue(titles.size() >= 2, "enough machine-learning results to move through");

    driver.get(siteBase + "/");
    SearchContext box = box();
    WebElement input = box.findElement(By.cssSelector("input"));
    assertEquals("combobox", input.getDomAttribute("role"));
    assertEquals("false", input.getDomAttribute("aria-expanded"));
    WebElement listbox =
        box.findElement(By.cssSelector("#" + input.getDomAttribute("aria-controls")));
    assertEquals("listbox", listbox.getDomAttribute("role"));

    input.sendKeys("reinforcement learning");
    browser.waitFor(d -> optionTitles(box).equals(titles));
    assertEquals("true", input.getDomAttribute("aria-expanded"));
    assertTrue(listbox.isDisplayed());
    assertFalse(
        box.findElements(By.cssSelector("[role=option] .t mark")).isEmpty(),
        "matches are highlighted");
    String announced =
        box.findElement(By.cssSelector("[role=status]")).getDomProperty("textContent");
    assertTrue(announced.matches("\\d+ results?"), "announced: " + announced);

    List<WebElement> options = box.findElements(By.cssSelector("[role=option]"));
    keys(Keys.ARROW_DOWN);
    assertActive(input, options.get(0));
    keys(Keys.ARROW_DOWN);
    assertActive(input, options.get(1));
    keys(Keys.ARROW_UP, Keys.ARROW_DOWN);
    assertActive(input, options.get(1));
    assertEquals("false", options.get(0).getDomAttribute("aria-selected"));
    browser.screenshot("embed-box.png");

    keys(Keys.ENTER);
    browser.waitFor(d -> d.getCurrentUrl().equals(app.base + "/papers/" + ids.get(1)));
    browser.waitFor(
        d -> d.findElement(By.cssSelector("#paper h1")).getText().equals(titles.get(1)));
  }

  @Test
  void axe_core_finds_nothing_on_the_page_with_the_box_closed_or_showing_results() {
    driver.get(siteBase + "/");
    SearchContext box = box();
    assertEquals(List.of(), browser.axeViolations(), "the box at rest");
    box.findElement(By.cssSelector("input")).sendKeys("reinforcement learning");
    browser.waitFor(d -> !optionTitles(box).isEmpty());
    keys(Keys.ARROW_DOWN);
    assertEquals(List.of(), browser.axeViolations(), "the box showing results");
    assertEquals(List.of(), browser.consoleErrors(), "no console error on the page");
  }

  @Test
  void a_year_typed_in_the_box_filters_its_results() {
    String q = "learning year:2019..2020";
    // The box on "/" searches cs.LG (its subject attribute).
    List<String> titles = app.titles("size=5&subject=cs.LG&q=" + encode(q));
    assertTrue(titles.size() >= 2, "learning papers of 2019 and 2020");
    driver.get(siteBase + "/");
    SearchContext box = box();
    box.findElement(By.cssSelector("input")).sendKeys(q);
    browser.waitFor(d -> optionTitles(box).equals(titles));
    for (WebElement meta : box.findElements(By.cssSelector("[role=option] .m"))) {
      assertTrue(meta.getText().matches(".*· 20(19|20)( ·.*)?"), meta.getText());
    }
  }

  @Test
  void escape_closes_the_results_then_clears_the_box() {
    driver.get(siteBase + "/");
    SearchContext box = box();
    WebElement input = box.findElement(By.cssSelector("input"));
    input.sendKeys("robot");
    browser.waitFor(d -> !optionTitles(box).isEmpty());
    keys(Keys.ESCAPE);
    assertEquals("false", input.getDomAttribute("aria-expanded"));
    assertFalse(box.findElement(By.cssSelector("[role=listbox]")).isDisplayed());
    assertEquals("robot", input.getDomProperty("value"));
    keys(Keys.ARROW_DOWN);
    assertEquals("true", input.getDomAttribute("aria-expanded"), "↓ opens it again");
    keys(Keys.ESCAPE, Keys.ESCAPE);
    assertEquals("", input.getDomProperty("value"));
    assertEquals(siteBase + "/", driver.getCurrentUrl());
  }

  @Test
  void a_query_without_results_says_so() {
    driver.get(siteBase + "/");
    SearchContext box = box();
    WebElement input = box.findElement(By.cssSelector("input"));
    input.sendKeys("zzqxv");
    WebElement message = browser.waitFor(d -> box.findElement(By.cssSelector("[role=listbox] .n")));
    assertEquals("No results for “zzqxv”.", message.getText());
    assertEquals("true", message.getDomAttribute("aria-disabled"));
    keys(Keys.ARROW_DOWN);
    assertNull(input.getDomAttribute("aria-activedescendant"), "nothing to move to");
  }

  @Test
  void words_no_paper_has_together_show_papers_with_some_of_them_and_say_so() {
    String q = "policy injustice";
    // No cs.LG paper (the box's subject on "/") has both words; three have one of them.
    JsonNode answer = boxAnswer(q);
    assertEquals("some", answer.get("matched").asText());
    assertEquals(3, answer.get("hits").size());
    WebElement note =
        typeAndWaitForHits(q, answer).findElement(By.cssSelector("[role=listbox] .n"));
    assertEquals(
        "No paper has all of the words of “policy injustice” — showing papers with some of them.",
        note.getText());
    assertEquals("true", note.getDomAttribute("aria-disabled"));
  }

  @Test
  void a_misspelled_query_shows_the_corrected_one_and_says_so() {
    String q = "reinforcment lerning";
    JsonNode answer = boxAnswer(q);
    assertEquals("reinforcement learning", answer.get("correctedQuery").asText());
    assertEquals(3, answer.get("hits").size());
    SearchContext box = typeAndWaitForHits(q, answer);
    browser.waitFor(
        d ->
            box.findElement(By.cssSelector("[role=listbox] .n"))
                .getText()
                .equals("Showing results for “reinforcement learning”."));
  }

  /** The API's answer to {@code q} as the box on "/" asks it: subject cs.LG, five hits. */
  private static JsonNode boxAnswer(String q) {
    return app.api("/api/search?facets=none&size=5&subject=cs.LG&q=" + encode(q));
  }

  /** Types {@code q} into the box on "/" and waits until it lists {@code answer}'s hits. */
  private SearchContext typeAndWaitForHits(String q, JsonNode answer) {
    List<String> titles = BrowserApp.values(answer.get("hits"), "title");
    driver.get(siteBase + "/");
    SearchContext box = box();
    box.findElement(By.cssSelector("input")).sendKeys(q);
    browser.waitFor(d -> optionTitles(box).equals(titles));
    return box;
  }

  @Test
  void typing_on_shows_the_results_of_the_last_query_only() {
    driver.get(siteBase + "/themed");
    SearchContext box = box();
    WebElement input = box.findElement(By.cssSelector("input"));
    input.sendKeys("robot");
    browser.waitFor(d -> !optionTitles(box).isEmpty());
    keys(" manipulation gentle");
    List<String> last = app.titles("size=3&q=" + encode("robot manipulation gentle"));
    browser.waitFor(d -> optionTitles(box).equals(last));
  }

  @Test
  void the_embedding_page_sets_size_links_and_theme() {
    List<String> ids = app.ids("size=3&q=" + encode("policy"));
    driver.get(siteBase + "/themed");
    SearchContext box = box();
    WebElement input = box.findElement(By.cssSelector("input"));
    assertEquals("Find a paper", input.getDomAttribute("placeholder"));
    input.sendKeys("policy");
    browser.waitFor(d -> optionTitles(box).size() == ids.size());
    List<WebElement> options = box.findElements(By.cssSelector("[role=option]"));
    assertTrue(
        options.getLast().getText().startsWith("See all"), "a last option opens all results");
    assertEquals(
        app.base + "/?q=policy", options.getLast().getDomProperty("href"), "on the service's page");
    assertEquals(
        "rgb(200, 30, 90)",
        Color.fromString(box.findElement(By.cssSelector("[role=option] .t")).getCssValue("color"))
            .asRgb(),
        "--abstracta-accent themes the titles");
    assertTrue(input.getCssValue("font-family").contains("Georgia"), "--abstracta-font");
    browser.screenshot("embed-box-themed.png");

    options.getFirst().click();
    browser.waitFor(d -> d.getCurrentUrl().equals(siteBase + "/p/" + ids.getFirst()));
  }

  @Test
  void html_in_titles_renders_as_text_and_the_script_has_no_global_side_effects() {
    String title = app.api("/api/papers/" + BrowserApp.UNSAFE_ID).get("title").asText();
    driver.get(siteBase + "/plain");
    SearchContext box = box();
    WebElement input = box.findElement(By.cssSelector("input"));
    input.sendKeys("adversarial markup");
    browser.waitFor(d -> !optionTitles(box).isEmpty());
    assertEquals(title, optionTitles(box).getFirst());
    assertEquals(
        0L,
        (Long)
            browser.js(
                "return document.querySelector('abstracta-search').shadowRoot"
                    + ".querySelectorAll('script, img, iframe, b').length"));
    assertNull(browser.js("return window.__abstractaXss ?? null"));
    assertEquals(
        app.base + "/papers/" + BrowserApp.UNSAFE_ID,
        box.findElement(By.cssSelector("[role=option]")).getDomProperty("href"),
        "the default endpoint is where the script came from");

    @SuppressWarnings("unchecked")
    List<String> added =
        (List<String>)
            browser.js(
                "const before = new Set(window.__globalsBefore);"
                    + "return window.__globalsAfter"
                    + ".filter(n => !before.has(n) && n !== '__globalsBefore')");
    assertEquals(List.of(), added, "embed.js defines no globals");
  }

  // ---- helpers

  /**
   * Presses keys in whatever has the focus, as a user does. (WebElement.sendKeys would first move
   * the focus to the input, through a blur of the host element, which closes the list.)
   */
  private static void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** The box's shadow root, once the element is defined. */
  private static SearchContext box() {
    browser.waitFor(d -> browser.js("return !!customElements.get('abstracta-search')"));
    return driver.findElement(By.tagName("abstracta-search")).getShadowRoot();
  }

  /** The titles shown, once the box has answered the text typed last (else an empty list). */
  private static List<String> optionTitles(SearchContext box) {
    WebElement listbox = box.findElement(By.cssSelector("[role=listbox]"));
    if (!"false".equals(listbox.getDomAttribute("aria-busy"))) return List.of();
    return box.findElements(By.cssSelector("[role=option] .t")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static void assertActive(WebElement input, WebElement option) {
    assertEquals(option.getDomAttribute("id"), input.getDomAttribute("aria-activedescendant"));
    assertEquals("true", option.getDomAttribute("aria-selected"));
  }
}
