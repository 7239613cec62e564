package org.abstracta.searchapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.abstracta.searchapi.search.GeneratedPapers;
import org.abstracta.searchapi.search.IndexSearchService;
import org.abstracta.searchapi.search.TestDirs;

/**
 * Property-based fuzzing (jqwik) of every parameter over real HTTP, against the real service on a
 * small real index: no input gives a 500 or a stack trace; the query text always gives 200 (or a
 * 400 naming {@code q} past a limit); any other bad parameter gives a JSON 400 naming exactly that
 * parameter; a random, garbled or edited cursor gives 400 naming {@code cursor}.
 */
class HttpFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static Path dir;
  static IndexSearchService service;
  static ApiServer server;
  static String cursor;

  @BeforeContainer
  static void start() throws Exception {
    dir = TestDirs.create("abstracta-http-fuzz");
    service = IndexSearchService.open(GeneratedPapers.indexWithSeedCorpus(dir, 1, 200, "", 30));
    server = new ApiServer(service);
    cursor = json(server.get("/api/search?q=learning&facets=none")).get("nextCursor").asText();
  }

  @AfterContainer
  static void stop() throws IOException {
    server.close();
    service.close();
    TestDirs.delete(dir);
  }

  @Property(tries = 200)
  void any_query_text_is_answered_or_refused_on_q(@ForAll("text") String q) {
    HttpResponse<String> r = server.get("/api/search?facets=none&q=" + enc(q));
    JsonNode body = valid(r);
    if (r.statusCode() == 400) {
      assertEquals("q", body.get("parameter").asText(), q);
    } else {
      assertEquals(200, r.statusCode(), q);
      assertTrue(body.get("total").asLong() >= 0);
      assertTrue(body.get("hits").isArray());
    }
  }

  @Property(tries = 150)
  void a_raw_query_string_never_fails_the_server(@ForAll("rawQueryString") String query) {
    String response = server.raw("GET", "/api/search?" + query);
    String status = response.substring(0, Math.min(12, response.length()));
    assertTrue(
        status.equals("HTTP/1.1 200") || status.equals("HTTP/1.1 400"), query + "\n" + response);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertTrue(body.startsWith("{"), body);
    assertNoStack(body);
  }

  @Property(tries = 150)
  void page_and_size_are_accepted_in_range_or_refused_naming_the_one_at_fault(
      @ForAll("number") String page, @ForAll("number") String size) {
    HttpResponse<String> r =
        server.get("/api/search?facets=none&q=learning&page=" + enc(page) + "&size=" + enc(size));
    JsonNode body = valid(r);
    Long p = whole(page, 1);
    Long s = whole(size, 10);
    boolean pageOk = p != null && p >= 1 && p <= 10_000;
    boolean sizeOk = s != null && s >= 1 && s <= 100;
    if (pageOk && sizeOk && p * s <= 10_000) {
      assertEquals(200, r.statusCode(), page + " " + size + ": " + r.body());
    } else {
      assertEquals(400, r.statusCode(), page + " " + size);
      String named = body.get("parameter").asText();
      assertTrue(named.equals("page") ? !pageOk || sizeOk : !sizeOk, page + " " + size + named);
    }
  }

  @Property(tries = 150)
  void a_random_cursor_is_refused_naming_cursor(@ForAll("cursorLike") String c) {
    HttpResponse<String> r = server.get("/api/search?q=learning&facets=none&cursor=" + enc(c));
    JsonNode body = valid(r);
    if (c.isBlank()) {
      assertEquals(200, r.statusCode());
    } else {
      assertEquals(400, r.statusCode(), c);
      assertEquals("cursor", body.get("parameter").asText());
    }
  }

  @Property(tries = 150)
  void an_edited_cursor_is_refused_naming_cursor(
      @ForAll @IntRange(min = 0, max = 200) int at, @ForAll("base64Char") char replacement) {
    int i = at % cursor.length();
    if (cursor.charAt(i) == replacement) return;
    String edited = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
    HttpResponse<String> r = server.get("/api/search?q=learning&facets=none&cursor=" + edited);
    assertEquals(400, r.statusCode(), edited);
    assertEquals("cursor", valid(r).get("parameter").asText());
  }

  @Property(tries = 100)
  void sort_is_one_of_three_or_refused_naming_sort(@ForAll("sortLike") String sort) {
    HttpResponse<String> r = server.get("/api/search?q=model&facets=none&sort=" + enc(sort));
    JsonNode body = valid(r);
    String s = sort.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || Set.of("relevance", "newest", "oldest").contains(s)) {
      assertEquals(200, r.statusCode(), sort);
    } else {
      assertEquals(400, r.statusCode(), sort);
      assertEquals("sort", body.get("parameter").asText());
    }
  }

  @Property(tries = 200)
  void filters_take_any_value_or_refuse_naming_the_filter(
      @ForAll("filterName") String filter, @ForAll("filterValues") List<String> values) {
    StringBuilder target = new StringBuilder("/api/search?q=model");
    for (String v : values) target.append('&').append(filter).append('=').append(enc(v));
    HttpResponse<String> r = server.get(target.toString());
    JsonNode body = valid(r);
    Set<String> given = new LinkedHashSet<>();
    for (String v : values) if (!v.isBlank()) given.add(v.strip());
    boolean ok =
        given.size() <= 20
            && given.stream()
                .allMatch(
                    v ->
                        switch (filter) {
                          case "year" -> v.matches("\\d{4}(\\.\\.\\d{4})?") && ordered(v);
                          case "type" -> Set.of("paper", "talk").contains(lower(v));
                          case "hasCode" -> Set.of("true", "false").contains(lower(v));
                          default -> true;
                        });
    if (ok) {
      assertEquals(200, r.statusCode(), filter + "=" + values + ": " + r.body());
    } else {
      assertEquals(400, r.statusCode(), filter + "=" + values);
      assertEquals(filter, body.get("parameter").asText());
    }
  }

  @Property(tries = 100)
  void the_facets_parameter_names_facets_or_is_refused(@ForAll("facetsLike") String facets) {
    HttpResponse<String> r = server.get("/api/search?q=model&facets=" + enc(facets));
    JsonNode body = valid(r);
    if (r.statusCode() != 200) {
      assertEquals(400, r.statusCode());
      assertEquals("facets", body.get("parameter").asText());
    }
  }

  @Property(tries = 100)
  void a_facet_listing_takes_any_prefix(
      @ForAll("filterName") String facet, @ForAll("text") String prefix) {
    HttpResponse<String> r = server.get("/api/facets/" + facet + "?prefix=" + enc(prefix));
    assertEquals(200, r.statusCode(), prefix);
    assertTrue(valid(r).get("values").isArray());
  }

  @Property(tries = 100)
  void suggestions_take_any_prefix_up_to_their_limit(@ForAll("text") String q) {
    HttpResponse<String> r = server.get("/api/suggest?q=" + enc(q));
    JsonNode body = valid(r);
    if (q.length() > SearchController.SUGGEST_MAX_CHARS) {
      assertEquals(400, r.statusCode());
      assertEquals("q", body.get("parameter").asText());
    } else {
      assertEquals(200, r.statusCode(), q);
    }
  }

  @Property(tries = 100)
  void any_paper_id_is_found_or_a_json_404(@ForAll("text") String id) {
    HttpResponse<String> r = server.get("/api/papers/" + enc(id));
    JsonNode body = valid(r);
    assertTrue(
        r.statusCode() == 200 || r.statusCode() == 404 || r.statusCode() == 400,
        id + " -> " + r.statusCode());
    if (r.statusCode() == 200) assertTrue(body.has("id"), r.body());
    assertFalse(r.body().contains("root:"), "file contents");
  }

  // ---- generators

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withChars("ab*~\"()+-:\\ ^.%&=?#/<>'").ofMaxLength(100),
        Arbitraries.of(
            "",
            " ",
            "learning",
            "model*",
            "\"reward model",
            "(a OR",
            "title:",
            "year:2019..2020",
            "a".repeat(1_001),
            "x~2 ".repeat(5),
            "%",
            "%zz",
            "../../etc/passwd",
            "\\\\",
            "😀"));
  }

  @Provide
  Arbitrary<String> rawQueryString() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "q=",
                "size=",
                "page=",
                "cursor=",
                "sort=",
                "subject=",
                "year=",
                "facets=",
                "explain=",
                "&",
                "=",
                "%",
                "%2",
                "%zz",
                "%00",
                "%E0%A4%A",
                "%C0%AF",
                "%FF",
                "+",
                ";",
                "?",
                "#",
                "[",
                "]",
                "@",
                "!",
                "$",
                "'",
                "*",
                ","),
            Arbitraries.strings().withCharRange('!', '~').ofMaxLength(8));
    return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> number() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-5, 120).map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of(
            "",
            " ",
            "abc",
            "1.5",
            "1e3",
            "0x10",
            "+5",
            " 7 ",
            "99999999999999999999",
            "١٢",
            "５",
            "NaN",
            "-0",
            "00010",
            "10 0"));
  }

  @Provide
  Arbitrary<String> cursorLike() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(100),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars("-_=")
            .ofMinLength(1)
            .ofMaxLength(80),
        Arbitraries.of("MVI6N2ZjMDAwMDA6eA", "MU46OTIyMzM3MjAzNjg1NDc3NTgwNzp4", " "));
  }

  @Provide
  Arbitrary<Character> base64Char() {
    return Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9').with('-', '_');
  }

  @Provide
  Arbitrary<String> sortLike() {
    return Arbitraries.oneOf(
        Arbitraries.of("relevance", "NEWEST", " oldest ", "", "popular", "newest,oldest"),
        Arbitraries.strings().all().ofMaxLength(20));
  }

  @Provide
  Arbitrary<String> filterName() {
    return Arbitraries.of(SearchParams.FILTERS);
  }

  @Provide
  Arbitrary<List<String>> filterValues() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(60),
            Arbitraries.of(
                "cs.LG",
                "cs",
                "2023",
                "2019..2023",
                "2023..2019",
                "0..9999",
                "paper",
                "talk",
                "TRUE",
                "false",
                "yes",
                "Jackie Kay",
                "",
                " ",
                "<script>"),
            Arbitraries.integers().between(0, 3000).map(String::valueOf));
    return Arbitraries.oneOf(value.list().ofMaxSize(4), value.list().ofMinSize(18).ofMaxSize(26));
  }

  @Provide
  Arbitrary<String> facetsLike() {
    return Arbitraries.oneOf(
        Arbitraries.of("none", "NONE", "subject,year", "author, type", ",", "", "colour"),
        Arbitraries.strings().all().ofMaxLength(40));
  }

  // ---- helpers

  /** The body as JSON, checked: no status is a 5xx, no stack; an app's 400 names a parameter. */
  static JsonNode valid(HttpResponse<String> r) {
    assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.uri() + " " + r.body());
    assertNoStack(r.body());
    JsonNode body = json(r);
    if (r.statusCode() >= 400) {
      assertTrue(body.hasNonNull("error") && body.hasNonNull("message"), r.body());
      // A 400 from the app names the parameter; one from the server itself (a path Jetty refuses,
      // such as an encoded backslash) is a bad_request about the request line.
      if (r.statusCode() == 400 && !body.get("error").asText().equals("bad_request")) {
        assertTrue(body.hasNonNull("parameter"), r.body());
      }
    }
    return body;
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.uri() + " " + r.body(), e);
    }
  }

  static void assertNoStack(String body) {
    assertFalse(body.contains("\tat ") || body.contains("Exception"), body);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static boolean ordered(String year) {
    String[] parts = year.split("\\.\\.");
    return parts.length == 1 || Integer.parseInt(parts[0]) <= Integer.parseInt(parts[1]);
  }

  /** The whole number a parameter holds as the API reads it, its default when blank, else null. */
  static Long whole(String raw, long fallback) {
    if (raw.isBlank()) return fallback;
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
