package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.abstracta.searchapi.search.GeneratedPapers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit over real HTTP, at its edge: the last value accepted, the first refused with a 400
 * naming the parameter. The index: the seed corpus plus 1,000 made-up papers whose 60,000 random
 * words all start with "zq" (a prefix too broad to expand); a second service over the same index
 * has a time budget of zero, so its searches come back flagged partial.
 */
class LimitsOverHttpTest {
  @TempDir static Path dir;
  static ApiServer server;
  static ApiServer partialServer;

  @BeforeAll
  static void start() throws Exception {
    Path index = GeneratedPapers.indexWithSeedCorpus(dir, 2, 1_000, "zq", 60);
    server = ApiServer.over(index);
    partialServer = ApiServer.over(index, Duration.ZERO);
  }

  @AfterAll
  static void stop() {
    server.close();
    partialServer.close();
  }

  static HttpResponse<String> search(String q) {
    return server.get("/api/search?facets=none&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  static void assertOk(String q) {
    HttpResponse<String> r = search(q);
    assertEquals(200, r.statusCode(), q + ": " + r.body());
  }

  static void assertRefused(String target, String parameter, String code) {
    HttpResponse<String> r = server.get(target);
    assertEquals(400, r.statusCode(), target + ": " + r.body());
    JsonNode body = json(r);
    assertEquals(parameter, body.get("parameter").asText(), r.body());
    assertEquals(code, body.get("error").asText(), r.body());
    assertFalse(body.get("message").asText().isBlank());
  }

  static void assertQueryRefused(String q, String code) {
    assertRefused(
        "/api/search?facets=none&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "q", code);
  }

  @Test
  void the_query_may_be_1000_characters_long() {
    assertOk("x".repeat(1_000));
    assertOk(" ".repeat(50) + "x".repeat(1_000) + " ".repeat(50)); // surrounding spaces are free
    assertQueryRefused("x".repeat(1_001), "query_too_long");
  }

  @Test
  void the_query_may_hold_64_words_and_16_levels_of_parentheses() {
    assertOk("learning ".repeat(64));
    assertOk("\"" + "learning model ".repeat(32) + "\"");
    assertQueryRefused("learning ".repeat(65), "too_many_clauses");
    assertQueryRefused("\"" + "learning model ".repeat(33) + "\"", "too_many_clauses");
    assertOk("(".repeat(16) + "learning model" + ")".repeat(16));
    assertQueryRefused("(".repeat(17) + "learning" + ")".repeat(17), "query_too_complex");
  }

  @Test
  void a_leading_wildcard_is_dropped_and_a_prefix_too_broad_is_refused() {
    assertEquals(ids("learning"), ids("*learning"));
    assertEquals(ids("learning"), ids("***learning"));
    // 60,000 distinct words start with zq: more than a prefix may span.
    long start = System.nanoTime();
    assertQueryRefused("zq*", "prefix_too_broad");
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused without a stall");
    // A longer prefix spans a few thousand: expanded to its 128 most frequent words.
    HttpResponse<String> r = search("zqa*");
    assertEquals(200, r.statusCode());
    assertTrue(json(r).get("total").asLong() > 0);
  }

  @Test
  void fuzzy_words_and_prefixes_are_counted() {
    assertQueryRefused("learning~3", "fuzzy_too_loose");
    assertOk("lerning~ modle~ grph~ polcy~");
    assertQueryRefused("lerning~ modle~ grph~ polcy~ rewrd~", "query_too_complex");
    assertOk("le* mo* gr* po* re* ga* ne* vi*");
    assertQueryRefused("le* mo* gr* po* re* ga* ne* vi* zqa*", "query_too_complex");
  }

  @Test
  void pages_reach_10000_results_and_pages_hold_100() {
    assertEquals(200, server.get("/api/search?facets=none&page=100&size=100").statusCode());
    assertEquals(200, server.get("/api/search?facets=none&page=1000&size=10").statusCode());
    assertRefused("/api/search?page=1001&size=10", "page", "invalid_parameter");
    assertRefused("/api/search?page=10001", "page", "invalid_parameter");
    assertRefused("/api/search?size=101", "size", "invalid_parameter");
    assertRefused("/api/search?size=-1", "size", "invalid_parameter");
    assertEquals(200, server.get("/api/search?size=0").statusCode()); // the total and facets only
    // Deeper with the cursor: no page limit.
    String cursor = json(server.get("/api/search?facets=none&size=100")).get("nextCursor").asText();
    assertEquals(200, server.get("/api/search?facets=none&size=100&cursor=" + cursor).statusCode());
    assertRefused("/api/papers/gen-2-0/similar?size=51", "size", "invalid_parameter");
    assertRefused("/api/suggest?q=" + "a".repeat(201), "q", "invalid_parameter");
    assertRefused("/api/facets/author?size=1001", "size", "invalid_parameter");
  }

  @Test
  void a_filter_takes_at_most_20_values() {
    StringBuilder twenty = new StringBuilder("/api/search?q=learning");
    for (int i = 0; i < 20; i++) twenty.append("&subject=cs.X").append(i);
    assertEquals(200, server.get(twenty.toString()).statusCode());
    assertRefused(twenty + "&subject=cs.LG", "subject", "invalid_parameter");
  }

  @Test
  void a_search_over_its_time_budget_returns_what_it_found_flagged_partial() {
    JsonNode timedOut = json(partialServer.get("/api/search?q=learning"));
    assertTrue(timedOut.get("partial").asBoolean(), timedOut.toString());
    assertTrue(timedOut.get("total").asLong() < json(search("learning")).get("total").asLong());
    JsonNode inTime = json(search("learning"));
    assertFalse(inTime.get("partial").asBoolean());
    assertEquals(json(search("learning")).get("total"), inTime.get("total"));
  }

  @Test
  void headers_over_8_kib_are_431_and_a_uri_over_it_is_414() {
    String big =
        server.rawRequest(
            "GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "a".repeat(9_000)
                + "\r\n",
            "");
    assertTrue(big.startsWith("HTTP/1.1 431"), big);
    assertJsonWithoutServer(big);
    String ok =
        server.rawRequest(
            "GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "a".repeat(6_000)
                + "\r\n",
            "");
    assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
    String uri = server.raw("GET", "/api/search?q=" + "x".repeat(9_000));
    assertTrue(uri.startsWith("HTTP/1.1 414"), uri);
    assertJsonWithoutServer(uri);
  }

  @Test
  void a_request_with_a_body_is_refused_with_413() {
    String sized =
        server.rawRequest(
            "GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n", "hello");
    assertTrue(sized.startsWith("HTTP/1.1 413"), sized);
    assertJsonWithoutServer(sized);
    String chunked =
        server.rawRequest(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n",
            "5\r\nhello\r\n0\r\n\r\n");
    assertTrue(chunked.startsWith("HTTP/1.1 413"), chunked);
    // A huge announced body is refused on its headers, without reading it.
    String huge =
        server.rawRequest(
            "GET /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000\r\n",
            "x".repeat(1_000));
    assertTrue(huge.startsWith("HTTP/1.1 413"), huge);
    String empty =
        server.rawRequest(
            "GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n", "");
    assertTrue(empty.startsWith("HTTP/1.1 200"), empty);
  }

  private static void assertJsonWithoutServer(String response) {
    String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertTrue(head.contains("content-type: application/json"), head);
    assertFalse(head.contains("\nserver:"), head);
    assertTrue(head.contains("x-content-type-options: nosniff"), head);
    assertTrue(body.startsWith("{\"error\":"), body);
    assertFalse(body.contains("\tat ") || body.contains("Exception"), body);
  }

  private static List<String> ids(String q) {
    List<String> out = new java.util.ArrayList<>();
    json(search(q)).get("hits").forEach(h -> out.add(h.get("id").asText()));
    return out;
  }
}
