package org.abstracta.searchapi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abstracta.searchapi.api.ApiServer;
import org.abstracta.searchapi.search.MeaningIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Search by meaning on the page, in headless Chromium, against the real app over {@link
 * MeaningIndex} (vectors from the real model): the ranking switch (auto, keywords, meaning, both)
 * with the address keeping it, inferred subjects marked as such on hits and counted apart in the
 * subject facet, and the footer's count of papers searchable by meaning.
 */
class MeaningPageIT {
  private static final String SENTENCE = "Which robots learn to grasp objects from demonstrations?";

  @TempDir static Path tmp;

  static ApiServer server;
  static Browser browser;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    if (!Browser.installed()) return; // each test then fails, saying how to install them
    server = ApiServer.over(MeaningIndex.shared());
    browser = Browser.start(tmp.resolve("profile"));
    driver = browser.driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) browser.close();
    if (server != null) server.close();
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

  private static List<String> apiIds(String params) {
    JsonNode body = ApiServer.json(server.get("/api/search?facets=none&" + params));
    List<String> out = new ArrayList<>();
    for (JsonNode h : body.get("hits")) out.add(h.get("id").asText());
    return out;
  }

  @Test
  void the_ranking_switch_searches_by_keywords_by_meaning_or_both_and_the_address_keeps_it() {
    String q = "q=" + URLEncoder.encode(SENTENCE, StandardCharsets.UTF_8);
    List<String> hybrid = apiIds(q + "&mode=hybrid");
    List<String> semantic = apiIds(q + "&mode=semantic");
    List<String> keyword = apiIds(q + "&mode=keyword");
    assertTrue(!hybrid.equals(keyword) && !semantic.equals(keyword), "the modes differ here");

    driver.get(server.base + "/?" + q);
    waitForHits(hybrid.subList(0, 10));
    assertTrue(status().contains("ranked by keywords and meaning"), status());
    Select mode = new Select(driver.findElement(By.id("mode")));
    assertEquals("", mode.getFirstSelectedOption().getDomProperty("value")); // auto

    mode.selectByValue("semantic");
    waitForHits(semantic.subList(0, 10));
    assertTrue(driver.getCurrentUrl().endsWith("&mode=semantic"), driver.getCurrentUrl());
    assertTrue(status().contains("ranked by meaning"), status());

    mode = new Select(driver.findElement(By.id("mode")));
    mode.selectByValue("keyword");
    waitForHits(keyword.subList(0, Math.min(10, keyword.size())));
    assertTrue(driver.getCurrentUrl().endsWith("&mode=keyword"), driver.getCurrentUrl());
    assertEquals("keyword", driver.findElement(By.id("status")).getDomAttribute("data-mode"));

    driver.navigate().back();
    waitForHits(semantic.subList(0, 10));
    assertEquals(
        "semantic",
        new Select(driver.findElement(By.id("mode")))
            .getFirstSelectedOption()
            .getDomProperty("value"));
    browser.screenshot("search-by-meaning.png");
  }

  @Test
  void inferred_subjects_are_marked_on_hits_and_counted_apart_and_the_footer_counts_vectors() {
    driver.get(server.base + "/?q=robot+hands");
    browser.waitFor(
        d ->
            !d.findElements(By.cssSelector("#hits .hit[data-id='" + MeaningIndex.TALK + "']"))
                .isEmpty());
    WebElement talk =
        driver.findElement(By.cssSelector("#hits .hit[data-id='" + MeaningIndex.TALK + "']"));
    List<String> inferred =
        talk.findElements(By.cssSelector("a.tag-inferred")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of("cs.RO (inferred)", "cs.LG (inferred)"), inferred);

    WebElement cs =
        driver.findElement(By.cssSelector("#facets input[data-dim='subject'][value='cs'] + label"));
    assertTrue(cs.getText().contains("1 inferred"), cs.getText());
    browser.waitFor(d -> !d.findElement(By.id("vector-stats")).getText().isEmpty());
    assertEquals(
        "("
            + MeaningIndex.WITH_VECTORS
            + " of "
            + MeaningIndex.DOCUMENTS
            + " papers searchable by meaning)",
        driver.findElement(By.id("vector-stats")).getText().strip());
  }

  private static String status() {
    return driver.findElement(By.id("status")).getText();
  }

  private static List<String> ids(WebDriver d) {
    return d.findElements(By.cssSelector("#hits .hit")).stream()
        .map(e -> e.getDomAttribute("data-id"))
        .toList();
  }

  /** Waits until the page shows exactly these hits, in this order, and has finished loading. */
  private static void waitForHits(List<String> expected) {
    try {
      browser.waitFor(
          d ->
              "false".equals(d.findElement(By.id("results")).getDomAttribute("aria-busy"))
                  && ids(d).equals(expected));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "expected hits " + expected + " but the page shows " + ids(driver), e);
    }
  }
}
