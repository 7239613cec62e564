package org.abstracta.searchapi.browser;

import static org.abstracta.searchapi.browser.BrowserApp.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The search page ({@code /}) and the paper page ({@code /papers/{id}}) in headless Chromium,
 * against the real app over the seed corpus: search, facet filters, paging, the address bar and the
 * back button, suggestions, the paper page with similar papers, HTML in data, a phone-width screen;
 * and (issue 22) Subscribe and Cite/Export with the feed's {@code <link rel="alternate">}, facets
 * that fit (top values, the subject tree's archives opened on demand, a year range from the
 * keyboard), sources and guessed years as readers know them, one-click recovery from a search that
 * finds nothing, the icon, the {@code h1}, the pager's links, and nothing axe-core finds.
 */
class SearchPageIT {
  @TempDir static Path tmp;

  static BrowserApp app;
  static Browser browser;
  static ChromeDriver driver;

  @BeforeAll
  static void start(TestInfo test) throws Exception {
    start(() -> BrowserApp.startFor(test.getTestClass().orElseThrow()));
  }

  /** Starts the browser and the app {@code starter} starts (the embedded index, or OpenSearch). */
  static void start(BrowserApp.Starter starter) throws Exception {
    if (!Browser.installed()) return; // each test then fails, saying how to install them
    app = starter.start();
    browser = Browser.start(tmp.resolve("profile"));
    driver = browser.driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) browser.close();
    if (app != null) app.close();
  }

  @BeforeEach
  void forget_earlier_console_messages() {
    Browser.requireInstalled();
    browser.pageErrors();
  }

  @AfterEach
  void no_script_errors_or_policy_violations() {
    if (browser != null) assertEquals(List.of(), browser.pageErrors());
  }

  @Test
  void searching_then_ticking_robotics_shows_exactly_the_robotics_papers() {
    List<String> robotics = app.ids("subject=cs.RO&size=100");
    assertEquals(BrowserApp.SEED_ROBOTICS_PAPERS, robotics.size());
    List<String> all = app.ids("q=reinforcement+learning");
    List<String> roboticsHits = app.ids("q=reinforcement+learning&subject=cs.RO&size=100");
    assertTrue(roboticsHits.size() > 1 && roboticsHits.size() <= robotics.size());
    assertTrue(robotics.containsAll(roboticsHits));

    driver.get(app.base + "/");
    WebElement q = driver.findElement(By.id("q"));
    assertEquals(q, driver.switchTo().activeElement(), "the query box has the focus");
    q.sendKeys("reinforcement learning", Keys.ENTER);
    waitForHits(all);
    assertEquals(app.base + "/?q=reinforcement+learning", driver.getCurrentUrl());
    assertFalse(
        driver.findElements(By.cssSelector("#hits .hit-title mark")).isEmpty(),
        "matched words are highlighted");

    // Tick cs.RO from the keyboard (its archive opened first): focus stays on the box after the
    // results re-render.
    openArchive("cs");
    WebElement ro = subjectBox("cs.RO");
    assertFalse(ro.isSelected());
    browser.js("arguments[0].focus()", ro);
    ro.sendKeys(Keys.SPACE);
    waitForHits(roboticsHits);
    assertEquals(app.base + "/?q=reinforcement+learning&subject=cs.RO", driver.getCurrentUrl());
    assertTrue(subjectBox("cs.RO").isSelected());
    assertEquals("cs.RO", driver.switchTo().activeElement().getDomProperty("value"));
    for (WebElement hit : driver.findElements(By.cssSelector("#hits .hit"))) {
      assertTrue(
          hit.findElements(By.cssSelector(".tags a")).stream()
              .anyMatch(a -> a.getText().equals("cs.RO")),
          "every hit is a robotics paper: " + hit.getText());
    }
    assertTrue(statusText().contains(roboticsHits.size() + " results"), statusText());
    assertTrue(
        driver.findElement(By.id("active-filters")).getText().contains("cs.RO"),
        "the active filter is shown");
    browser.screenshot("search-page.png");

    // The back button returns to the unfiltered results; forward to the filtered ones.
    driver.navigate().back();
    waitForHits(all);
    assertFalse(subjectBox("cs.RO").isSelected());
    driver.navigate().forward();
    waitForHits(roboticsHits);

    // The address is shareable: opening it anew shows the same.
    driver.get(app.base + "/?subject=cs.RO&q=reinforcement+learning");
    waitForHits(roboticsHits);
    assertEquals("reinforcement learning", driver.findElement(By.id("q")).getDomProperty("value"));
  }

  @Test
  void a_filter_typed_in_the_query_is_a_chip_and_removing_it_edits_the_query() {
    String typed = "reinforcement learning subject:cs.RO";
    List<String> filtered = app.ids("q=" + encode(typed));
    assertEquals(app.ids("q=reinforcement+learning&subject=cs.RO"), filtered);

    driver.get(app.base + "/?q=" + encode(typed));
    waitForHits(filtered);
    WebElement chip =
        browser.waitFor(d -> d.findElement(By.cssSelector("#active-filters .chip-typed")));
    assertEquals("Subject: cs.RO ×", chip.getText());
    assertTrue(subjectBox("cs.RO").isSelected(), "the typed subject is ticked in its facet");

    chip.click();
    waitForHits(app.ids("q=reinforcement+learning"));
    assertEquals(app.base + "/?q=reinforcement+learning", driver.getCurrentUrl());
    assertEquals("reinforcement learning", driver.findElement(By.id("q")).getDomProperty("value"));
  }

  @Test
  void a_respelled_query_says_so_and_links_back_to_the_query_as_typed() {
    driver.get(app.base + "/?q=" + encode("Epistemik injustice"));
    waitForHits(app.ids("q=" + encode("Epistemic injustice")));
    WebElement note = driver.findElement(By.id("query-note"));
    assertEquals(
        "Showing results for Epistemic injustice. Search instead for Epistemik injustice.",
        note.getText());
    assertTrue(statusText().endsWith("for “Epistemic injustice”"), statusText());

    note.findElement(By.cssSelector("a")).click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("autocorrect=false"));
    // As typed no paper has both words: papers with some of them, said so.
    waitForHits(app.ids("autocorrect=false&q=" + encode("Epistemik injustice")));
    browser.waitFor(
        d ->
            d.findElement(By.id("query-note"))
                .getText()
                .equals(
                    "No paper has all of Epistemik, injustice — showing papers with some of"
                        + " them."));
  }

  @Test
  void paging_moves_through_the_results_and_the_address_keeps_the_page() {
    JsonNode first = app.api("/api/search?facets=none&q=learning");
    assertTrue(first.get("total").asLong() > 20, "enough results for three pages");
    List<String> page1 = BrowserApp.values(first.get("hits"), "id");
    List<String> page2 = app.ids("q=learning&page=2");
    List<String> page3 = app.ids("q=learning&page=3");

    driver.get(app.base + "/?q=learning");
    waitForHits(page1);
    driver.findElement(By.cssSelector("#pager a[rel=next]")).sendKeys(Keys.ENTER);
    waitForHits(page2);
    assertEquals(app.base + "/?q=learning&page=2", driver.getCurrentUrl());
    assertEquals("2", driver.findElement(By.cssSelector("#pager a[aria-current=page]")).getText());
    assertTrue(statusText().startsWith("11–20 of "), statusText());

    driver.findElement(By.cssSelector("#pager a[data-page='3']")).click();
    waitForHits(page3);
    driver.navigate().back();
    waitForHits(page2);
    driver.findElement(By.cssSelector("#pager a[rel=prev]")).click();
    waitForHits(page1);
    assertEquals(app.base + "/?q=learning", driver.getCurrentUrl());

    // A new sort starts again at page 1.
    driver.get(app.base + "/?q=learning&page=2");
    waitForHits(page2);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort")))
        .selectByValue("newest");
    waitForHits(app.ids("q=learning&sort=newest"));
    assertEquals(app.base + "/?q=learning&sort=newest", driver.getCurrentUrl());
  }

  @Test
  void a_paper_opens_with_its_whole_abstract_and_similar_papers() {
    List<String> roboticsHits = app.ids("q=reinforcement+learning&subject=cs.RO&size=100");
    driver.get(app.base + "/?q=reinforcement+learning&subject=cs.RO");
    waitForHits(roboticsHits);
    String id = roboticsHits.getFirst();
    JsonNode paper = app.api("/api/papers/" + id);
    List<String> similar =
        BrowserApp.values(app.api("/api/papers/" + id + "/similar?size=5").get("hits"), "id");
    assertFalse(similar.isEmpty());

    driver.findElement(By.cssSelector("#hits .hit-title a")).click();
    browser.waitFor(d -> d.getCurrentUrl().equals(app.base + "/papers/" + id));
    WebElement h1 = browser.waitFor(d -> d.findElement(By.cssSelector("#paper h1")));
    assertEquals(paper.get("title").asText(), h1.getText());
    assertEquals(paper.get("title").asText() + " — Abstracta", driver.getTitle());
    assertEquals(paper.get("abstract").asText(), text(".abstract"));
    for (JsonNode author : paper.get("authors")) {
      assertTrue(text(".paper-authors").contains(author.asText()), author.asText());
    }
    assertTrue(text(".facts").contains("Robotics (cs.RO)"), text(".facts"));
    for (JsonNode source : paper.get("sources")) {
      assertTrue(text(".facts").contains(source.get("file").asText()), text(".facts"));
    }
    for (JsonNode link : paper.get("links")) {
      assertFalse(
          driver.findElements(By.cssSelector(".links a[href='" + link.asText() + "']")).isEmpty(),
          "link " + link.asText());
    }
    List<String> shown =
        browser.waitFor(
            d -> {
              List<String> ids = ids(d, "#similar-hits .hit");
              return ids.isEmpty() ? null : ids;
            });
    assertEquals(similar, shown);
    assertTrue(driver.findElement(By.id("similar")).isDisplayed());
    assertTrue(
        driver
            .findElement(By.id("back-link"))
            .getDomAttribute("href")
            .equals("/?q=reinforcement+learning&subject=cs.RO"),
        "back to the results the paper was opened from");
    browser.fullPageScreenshot("paper-page.png", 2400);

    // A similar paper opens its own page.
    driver.findElement(By.cssSelector("#similar-hits .hit-title a")).click();
    browser.waitFor(
        d -> d.getCurrentUrl().equals(app.base + "/papers/" + similar.getFirst()) ? true : null);
    String title = app.api("/api/papers/" + similar.getFirst()).get("title").asText();
    browser.waitFor(d -> d.findElement(By.cssSelector("#paper h1")).getText().equals(title));
  }

  @Test
  void an_unknown_paper_says_so() {
    driver.get(app.base + "/papers/no-such-paper");
    browser.waitFor(
        d -> d.findElement(By.cssSelector("#paper h1")).getText().equals("Paper not found"));
    assertTrue(text("#paper").contains("no-such-paper"));
  }

  @Test
  void suggestions_complete_the_query_from_the_keyboard() {
    driver.get(app.base + "/");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("rein");
    WebElement list = driver.findElement(By.id("q-suggestions"));
    browser.waitFor(d -> list.isDisplayed() && !options(list).isEmpty());
    assertEquals("true", q.getDomAttribute("aria-expanded"));
    JsonNode expected = app.api("/api/suggest?size=8&q=rein").get("suggestions");
    assertEquals(
        BrowserApp.values(expected, "text"),
        options(list).stream()
            .map(o -> o.findElement(By.className("suggestion-text")).getText())
            .toList());

    q.sendKeys(Keys.ARROW_DOWN);
    WebElement firstOption = options(list).getFirst();
    assertEquals(firstOption.getDomAttribute("id"), q.getDomAttribute("aria-activedescendant"));
    assertEquals("true", firstOption.getDomAttribute("aria-selected"));
    q.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP);
    assertEquals(firstOption.getDomAttribute("id"), q.getDomAttribute("aria-activedescendant"));

    JsonNode first = expected.get(0);
    q.sendKeys(Keys.ENTER);
    switch (first.get("kind").asText()) {
      case "title" ->
          browser.waitFor(
              d -> d.getCurrentUrl().equals(app.base + "/papers/" + first.get("id").asText()));
      case "author" -> waitForHits(app.ids("author=" + encode(first.get("text").asText())));
      default -> {
        waitForHits(app.ids("q=" + encode(first.get("text").asText())));
        assertEquals(first.get("text").asText(), q.getDomProperty("value"));
        assertEquals("false", q.getDomAttribute("aria-expanded"));
      }
    }

    // Esc closes the list without choosing.
    driver.get(app.base + "/");
    WebElement again = driver.findElement(By.id("q"));
    again.sendKeys("rein");
    WebElement list2 = driver.findElement(By.id("q-suggestions"));
    browser.waitFor(d -> list2.isDisplayed());
    again.sendKeys(Keys.ESCAPE);
    browser.waitFor(d -> !list2.isDisplayed());
    assertEquals("false", again.getDomAttribute("aria-expanded"));
    assertEquals(app.base + "/", driver.getCurrentUrl());
  }

  @Test
  void the_author_filter_box_finds_authors_beyond_the_top_values() {
    JsonNode found = app.api("/api/facets/author?prefix=kasir").get("values");
    assertEquals(1, found.size());
    String author = found.get(0).get("value").asText();
    List<String> byAuthor = app.ids("author=" + encode(author));

    driver.get(app.base + "/");
    waitForHits(app.ids(""));
    WebElement box = driver.findElement(By.cssSelector("#facets input.facet-filter"));
    box.sendKeys("kasir");
    // The facet list is drawn again as the filter's answers and the results arrive: find and tick
    // the box in one step, again if it was replaced in between (a stale element).
    browser.waitFor(
        d -> {
          try {
            for (WebElement b : d.findElements(By.cssSelector("#facets input[data-dim=author]"))) {
              if (author.equals(b.getDomProperty("value"))) {
                b.click();
                return true;
              }
            }
            return null;
          } catch (StaleElementReferenceException e) {
            return null;
          }
        });
    waitForHits(byAuthor);
    assertEquals(app.base + "/?author=" + encode(author), driver.getCurrentUrl());
  }

  @Test
  void did_you_mean_offers_the_corrected_query() {
    // As typed (autocorrect=false): since issue 20 the corrected results would be shown instead.
    String typed = "q=" + encode("reinforcment lerning") + "&autocorrect=false";
    JsonNode r = app.api("/api/search?facets=none&" + typed);
    String suggestion = r.get("didYouMean").asText();
    assertEquals("reinforcement learning", suggestion);
    driver.get(app.base + "/?" + typed);
    WebElement link = browser.waitFor(d -> d.findElement(By.cssSelector("#did-you-mean a")));
    assertEquals(suggestion, link.getText());
    link.click();
    waitForHits(app.ids("q=" + encode(suggestion)));
    assertEquals(app.base + "/?q=" + encode(suggestion), driver.getCurrentUrl());
  }

  @Test
  void a_title_with_html_renders_as_text() {
    JsonNode paper = app.api("/api/papers/" + BrowserApp.UNSAFE_ID);
    String title = paper.get("title").asText();
    assertTrue(title.contains("<script>"), title);

    driver.get(app.base + "/?q=" + encode("adversarial markup"));
    waitForHits(app.ids("q=" + encode("adversarial markup")));
    WebElement link = driver.findElement(By.cssSelector("#hits .hit-title a"));
    assertEquals(title, link.getText());
    assertFalse(link.findElements(By.tagName("mark")).isEmpty(), "still highlighted");
    assertNoInjectedMarkup("#hits");
    assertNoInjectedMarkup("#facets"); // the author facet lists "Eve <b>Mallory</b>"

    link.click();
    browser.waitFor(d -> d.findElement(By.cssSelector("#paper h1")).getText().equals(title));
    assertEquals(paper.get("abstract").asText(), text(".abstract"));
    assertTrue(text(".paper-authors").contains("Eve <b>Mallory</b>"), text(".paper-authors"));
    assertTrue(
        driver.findElements(By.cssSelector("a[href^='javascript:']")).isEmpty(),
        "a javascript: link in the data is not made a link");
    assertNoInjectedMarkup("#paper");
    assertEquals(title + " — Abstracta", browser.js("return document.title"), "the tab title too");
  }

  @Test
  void the_page_is_readable_at_phone_width() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
    try {
      List<String> all = app.ids("q=reinforcement+learning");
      driver.get(app.base + "/?q=reinforcement+learning");
      waitForHits(all);
      assertEquals(375L, (Long) browser.js("return window.innerWidth"));
      assertTrue(
          (Long) browser.js("return document.documentElement.scrollWidth") <= 375,
          "nothing wider than the screen");
      WebElement facets = driver.findElement(By.id("facets"));
      WebElement toggle = driver.findElement(By.id("filters-toggle"));
      assertFalse(facets.isDisplayed(), "filters fold away on a phone");
      browser.screenshot("search-page-375.png");
      toggle.click();
      assertTrue(facets.isDisplayed());
      assertEquals("true", toggle.getDomAttribute("aria-expanded"));
      openArchive("cs");
      subjectBox("cs.RO").click();
      waitForHits(app.ids("q=reinforcement+learning&subject=cs.RO"));
      assertTrue(
          (Long) browser.js("return document.documentElement.scrollWidth") <= 375,
          "nothing wider than the screen");
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void the_pages_run_under_the_content_security_policy_the_server_sends() {
    for (String path : List.of("/", "/papers/" + BrowserApp.UNSAFE_ID)) {
      String policy = app.headers(path).firstValue("Content-Security-Policy").orElse("");
      assertTrue(policy.contains("script-src 'self'"), path + ": " + policy);
      assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
    }
    assertEquals(
        "cross-origin",
        app.headers("/embed.js").firstValue("Cross-Origin-Resource-Policy").orElse(""),
        "other sites may load the box");
    // Both pages work under it: no violation or script error is logged (checked after each test).
    driver.get(app.base + "/?q=policy");
    waitForHits(app.ids("q=policy"));
    driver.get(app.base + "/papers/" + BrowserApp.UNSAFE_ID);
    browser.waitFor(d -> !d.findElements(By.cssSelector("#similar-hits .hit")).isEmpty());
  }

  // ---- issue 22: feeds and citations, facets that fit, names, recovery, icon and heading

  @Test
  void the_search_page_offers_its_feed_and_its_hits_as_citations() {
    driver.get(app.base + "/?q=reinforcement+learning");
    waitForHits(app.ids("q=reinforcement+learning"));
    String feed = "/api/search?q=reinforcement+learning&format=atom";
    assertEquals(
        feed,
        driver
            .findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
            .getDomAttribute("href"));
    WebElement subscribe = driver.findElement(By.id("subscribe"));
    assertEquals("Subscribe", subscribe.getText());
    assertEquals(feed, subscribe.getDomAttribute("href"));
    assertTrue(
        app.headers(feed).firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));

    WebElement summary = driver.findElement(By.cssSelector("#export summary"));
    assertEquals("Cite/Export", summary.getText());
    summary.sendKeys(Keys.ENTER);
    List<String> hrefs =
        driver.findElements(By.cssSelector("#export-links a")).stream()
            .map(a -> a.getDomAttribute("href"))
            .toList();
    assertEquals(
        List.of(
            "/api/search?q=reinforcement+learning&format=bibtex",
            "/api/search?q=reinforcement+learning&format=ris",
            "/api/search?q=reinforcement+learning&format=csl-json",
            "/api/search?q=reinforcement+learning&format=ics"),
        hrefs);
    for (String href : hrefs) {
      assertTrue(
          app.headers(href).firstValue("Content-Disposition").orElse("").startsWith("attachment"),
          href);
    }
    assertEquals(List.of(), browser.axeViolations(), "axe-core on the search page");
    assertEquals(List.of(), browser.consoleErrors(), "no console error at all");
  }

  @Test
  void a_paper_page_offers_citations_and_a_feed_and_names_its_sources() {
    JsonNode hit =
        app.api("/api/search?facets=none&q=" + encode("\"Bridging the Gap\"")).get("hits").get(0);
    String id = hit.get("id").asText();
    assertTrue(hit.get("yearInferred").asBoolean());
    driver.get(app.base + "/papers/" + id);
    browser.waitFor(d -> !d.findElements(By.cssSelector("#paper h1")).isEmpty());
    String facts = driver.findElement(By.cssSelector(".facts")).getText();
    assertTrue(facts.contains("Apr 1, year inferred"), facts);
    assertTrue(facts.contains("Daily papers, Oct 17 (001_d84297069a174ee1.txt)"), facts);
    assertEquals(
        List.of(
            "/api/papers/" + id + "?format=bibtex",
            "/api/papers/" + id + "?format=ris",
            "/api/papers/" + id + "?format=csl-json"),
        driver.findElements(By.cssSelector("#export-links a")).stream()
            .map(a -> a.getDomAttribute("href"))
            .toList());
    assertTrue(driver.findElement(By.id("subscribe")).isDisplayed());
    assertEquals(List.of(), browser.axeViolations(), "axe-core on a paper page");
    assertEquals(List.of(), browser.consoleErrors(), "no console error at all");

    // A talk offers itself for a calendar.
    String talk = app.ids("type=talk").getFirst();
    driver.get(app.base + "/papers/" + talk);
    browser.waitFor(
        d -> !d.findElements(By.cssSelector("#export-links a[data-format=ics]")).isEmpty());
    String ics =
        driver
            .findElement(By.cssSelector("#export-links a[data-format=ics]"))
            .getDomAttribute("href");
    assertEquals("/api/papers/" + talk + "?format=ics", ics);
    assertTrue(text("#paper .facts").contains("Talks.cam calendar"), text("#paper .facts"));
  }

  @Test
  void facets_show_their_top_values_and_the_subject_tree_opens_from_the_keyboard() {
    driver.get(app.base + "/");
    waitForHits(app.ids(""));
    // Years: the five newest, then "Show N more".
    int years = app.api("/api/search?size=0&facets=year").get("facets").get("year").size();
    assertTrue(years > 5, "enough years to fold");
    WebElement yearMore = driver.findElement(By.cssSelector("section[data-dim=year] .facet-more"));
    assertEquals("Show " + (years - 5) + " more", yearMore.getText());
    assertEquals(5, visible("section[data-dim=year] .facet-values > li"));

    // Archives come closed; the disclosure button opens one from the keyboard.
    WebElement cs = driver.findElement(By.cssSelector("button.facet-disclose[data-archive=cs]"));
    assertEquals("false", cs.getDomAttribute("aria-expanded"));
    assertTrue(
        cs.getDomAttribute("aria-label").startsWith("Computer Science: "),
        cs.getDomAttribute("aria-label"));
    WebElement children = driver.findElement(By.id(cs.getDomAttribute("aria-controls")));
    assertFalse(children.isDisplayed());
    browser.js("arguments[0].focus()", cs);
    cs.sendKeys(Keys.ENTER);
    assertEquals("true", cs.getDomAttribute("aria-expanded"));
    assertTrue(children.isDisplayed());
    cs.sendKeys(Keys.SPACE);
    assertFalse(children.isDisplayed());

    // A category ticked stays in view: its archive opens by itself.
    driver.get(app.base + "/?subject=cs.RO");
    waitForHits(app.ids("subject=cs.RO&size=10"));
    WebElement ro =
        driver.findElement(By.cssSelector("#facets input[data-dim=subject][value='cs.RO']"));
    assertTrue(ro.isDisplayed() && ro.isSelected());
    assertEquals(
        "true",
        driver
            .findElement(By.cssSelector("button.facet-disclose[data-archive=cs]"))
            .getDomAttribute("aria-expanded"));

    // Sources by name, the file as detail.
    String sources = text("section[data-dim=source]");
    assertTrue(sources.contains("Jackie Kay — author page"), sources);
  }

  @Test
  void the_year_range_control_sets_the_same_filter_as_the_address() {
    List<String> expected = app.ids("year=2019..2023");
    driver.get(app.base + "/");
    waitForHits(app.ids(""));
    WebElement from = driver.findElement(By.id("year-from"));
    WebElement to = driver.findElement(By.id("year-to"));
    from.sendKeys("2019");
    from.sendKeys(Keys.TAB);
    assertEquals(to, driver.switchTo().activeElement(), "From, then To, from the keyboard");
    to.sendKeys("2023", Keys.ENTER);
    waitForHits(expected);
    assertEquals(app.base + "/?year=2019..2023", driver.getCurrentUrl());
    assertTrue(text("#active-filters").contains("Year: 2019..2023"), text("#active-filters"));
    assertEquals("2019", driver.findElement(By.id("year-from")).getDomProperty("value"));

    // One year alone: that year onwards.
    driver.get(app.base + "/");
    waitForHits(app.ids(""));
    driver.findElement(By.id("year-from")).sendKeys("2025", Keys.ENTER);
    browser.waitFor(d -> d.getCurrentUrl().equals(app.base + "/?year=2025..2026"));
  }

  @Test
  void a_search_that_finds_nothing_offers_what_would_in_one_click() {
    long count =
        app.api("/api/search?facets=none&q=" + encode("\"reward model\"")).get("total").asLong();
    List<String> phrase = app.ids("q=" + encode("\"reward model\""));

    driver.get(app.base + "/?q=" + encode("\"reward model\" year:2007"));
    WebElement typed = browser.waitFor(d -> d.findElement(By.cssSelector("#recovery a")));
    assertEquals(count + " results without year:2007", typed.getText());
    typed.click();
    waitForHits(phrase);
    assertEquals(app.base + "/?q=" + encode("\"reward model\""), driver.getCurrentUrl());
    assertFalse(driver.findElement(By.id("recovery")).isDisplayed());

    driver.get(app.base + "/?q=" + encode("\"reward model\"") + "&year=2007");
    WebElement url = browser.waitFor(d -> d.findElement(By.cssSelector("#recovery a")));
    assertEquals(count + " results without Year: 2007", url.getText());
    assertEquals(List.of(), browser.axeViolations(), "axe-core with recovery links");
    url.sendKeys(Keys.ENTER);
    waitForHits(phrase);
    assertEquals(app.base + "/?q=" + encode("\"reward model\""), driver.getCurrentUrl());
  }

  @Test
  void the_page_has_a_heading_an_icon_and_plain_pager_links() {
    driver.get(app.base + "/?q=learning");
    waitForHits(app.ids("q=learning"));
    assertEquals("Abstracta", text("h1"));
    assertEquals(
        "/favicon.svg",
        driver.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href"));
    assertEquals(
        "image/svg+xml", app.headers("/favicon.ico").firstValue("Content-Type").orElse(""));
    WebElement next = driver.findElement(By.cssSelector("#pager a[rel=next]"));
    assertEquals("next", next.getDomAttribute("class"));
    assertNull(next.getDomAttribute("classname"), "no bogus attribute");
    assertEquals(
        0L,
        (Long) browser.js("return document.querySelectorAll('[classname]').length"),
        "no element carries a classname attribute");
    // The browser's own request for /favicon.ico finds it (no 404 in the console).
    driver.get(app.base + "/favicon.ico");
    assertEquals(List.of(), browser.consoleErrors(), "no console error at all");
  }

  @Test
  void facets_fit_a_phone_screen() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
    try {
      driver.get(app.base + "/");
      waitForHits(app.ids(""));
      driver.findElement(By.id("filters-toggle")).click();
      WebElement to = driver.findElement(By.id("year-to"));
      assertTrue(to.isDisplayed());
      WebElement cs = driver.findElement(By.cssSelector("button.facet-disclose[data-archive=cs]"));
      cs.click();
      assertEquals("true", cs.getDomAttribute("aria-expanded"));
      assertTrue(
          (Long) browser.js("return document.documentElement.scrollWidth") <= 375,
          "nothing wider than the screen");
      browser.fullPageScreenshot("facets-375.png", 3000);
      driver.findElement(By.id("year-from")).sendKeys("2019");
      to.sendKeys("2023", Keys.ENTER);
      waitForHits(app.ids("year=2019..2023"));
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  // ---- helpers

  private static WebElement subjectBox(String code) {
    return driver.findElement(
        By.cssSelector("#facets input[data-dim='subject'][value='" + code + "']"));
  }

  /** Opens an archive of the subject tree (they come closed) to show its categories. */
  private static void openArchive(String archive) {
    WebElement button =
        driver.findElement(By.cssSelector("button.facet-disclose[data-archive='" + archive + "']"));
    if (!"true".equals(button.getDomAttribute("aria-expanded"))) button.click();
  }

  private static long visible(String css) {
    return driver.findElements(By.cssSelector(css)).stream()
        .filter(WebElement::isDisplayed)
        .count();
  }

  private static String statusText() {
    return driver.findElement(By.id("status")).getText();
  }

  private static String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  private static List<WebElement> options(WebElement list) {
    return list.findElements(By.cssSelector("[role=option]"));
  }

  private static List<String> ids(WebDriver d, String css) {
    return d.findElements(By.cssSelector(css)).stream()
        .map(e -> e.getDomAttribute("data-id"))
        .toList();
  }

  /** Waits until the page shows exactly these hits, in this order, and has finished loading. */
  private static void waitForHits(List<String> expected) {
    try {
      browser.waitFor(
          d ->
              "false".equals(d.findElement(By.id("results")).getDomAttribute("aria-busy"))
                  && ids(d, "#hits .hit").equals(expected));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "expected hits " + expected + " but the page shows " + ids(driver, "#hits .hit"), e);
    }
  }

  private static void assertNoInjectedMarkup(String container) {
    Long injected =
        browser.js(
            "return document.querySelectorAll(arguments[0] + ' :is(script, img, iframe, b)').length",
            container);
    assertEquals(0L, injected, "markup from the data became elements");
    assertEquals(Boolean.TRUE, browser.js("return window.__abstractaXss === undefined"));
  }
}
