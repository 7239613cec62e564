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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.abstracta.indexer.fuzz.Gens;
import org.abstracta.indexer.fuzz.Property;
import org.abstracta.indexer.fuzz.Property.Gen;
import org.abstracta.searchapi.search.GeneratedPapers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-based fuzzing (the indexer's {@link Property} harness) of every parameter over real
 * HTTP, against the real service on a small real index: no input gives a 500 or a stack trace; the
 * query text always gives 200 (or a 400 naming {@code q} past a limit); any other bad parameter
 * gives a JSON 400 naming exactly that parameter; a random, garbled or edited cursor gives 400
 * naming {@code cursor}.
 */
class HttpFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static ApiServer server;
  static String cursor;

  @BeforeAll
  static void start() throws Exception {
    server = ApiServer.over(GeneratedPapers.indexWithSeedCorpus(dir, 1, 200, "", 30));
    cursor = json(server.get("/api/search?q=learning&facets=none")).get("nextCursor").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void any_query_text_is_answered_or_refused_on_q() {
    Gens.forAllStrings("any query text", 200, TEXT)
        .check(
            q -> {
              HttpResponse<String> r = server.get("/api/search?facets=none&q=" + enc(q));
              JsonNode body = valid(r);
              if (r.statusCode() == 400) {
                assertEquals("q", body.get("parameter").asText(), q);
              } else {
                assertEquals(200, r.statusCode(), q);
                assertTrue(body.get("total").asLong() >= 0);
                assertTrue(body.get("hits").isArray());
              }
            });
  }

  @Test
  void a_raw_query_string_never_fails_the_server() {
    Gens.forAllStrings("raw query string", 150, RAW_QUERY_STRING)
        .check(
            query -> {
              String response = server.raw("GET", "/api/search?" + query);
              String status = response.substring(0, Math.min(12, response.length()));
              assertTrue(
                  status.equals("HTTP/1.1 200") || status.equals("HTTP/1.1 400"),
                  query + "\n" + response);
              String body = response.substring(response.indexOf("\r\n\r\n") + 4);
              assertTrue(body.startsWith("{"), body);
              assertNoStack(body);
            });
  }

  record PageSize(String page, String size) {}

  @Test
  void page_and_size_are_accepted_in_range_or_refused_naming_the_one_at_fault() {
    Property.forAll("page and size", 150, r -> new PageSize(NUMBER.next(r), NUMBER.next(r)))
        .check(
            in -> {
              String page = in.page();
              String size = in.size();
              HttpResponse<String> r =
                  server.get(
                      "/api/search?facets=none&q=learning&page="
                          + enc(page)
                          + "&size="
                          + enc(size));
              JsonNode body = valid(r);
              Long p = whole(page, 1);
              Long s = whole(size, 10);
              boolean pageOk = p != null && p >= 1 && p <= 10_000;
              boolean sizeOk = s != null && s >= 0 && s <= 100; // size=0: total and facets only
              if (pageOk && sizeOk && p * s <= 10_000) {
                assertEquals(200, r.statusCode(), page + " " + size + ": " + r.body());
              } else {
                assertEquals(400, r.statusCode(), page + " " + size);
                String named = body.get("parameter").asText();
                assertTrue(
                    named.equals("page") ? !pageOk || sizeOk : !sizeOk, page + " " + size + named);
              }
            });
  }

  @Test
  void a_random_cursor_is_refused_naming_cursor() {
    Gens.forAllStrings("random cursor", 150, CURSOR_LIKE)
        .check(
            c -> {
              HttpResponse<String> r =
                  server.get("/api/search?q=learning&facets=none&cursor=" + enc(c));
              JsonNode body = valid(r);
              if (c.isBlank()) {
                assertEquals(200, r.statusCode());
              } else {
                assertEquals(400, r.statusCode(), c);
                assertEquals("cursor", body.get("parameter").asText());
              }
            });
  }

  record Edit(int at, char replacement) {}

  @Test
  void an_edited_cursor_is_refused_naming_cursor() {
    Property.forAll("edited cursor", 150, r -> new Edit(r.nextInt(201), BASE64_CHAR.next(r)))
        .check(
            edit -> {
              int i = edit.at() % cursor.length();
              if (cursor.charAt(i) == edit.replacement()) return;
              String edited = cursor.substring(0, i) + edit.replacement() + cursor.substring(i + 1);
              HttpResponse<String> r =
                  server.get("/api/search?q=learning&facets=none&cursor=" + edited);
              assertEquals(400, r.statusCode(), edited);
              assertEquals("cursor", valid(r).get("parameter").asText());
            });
  }

  @Test
  void sort_is_one_of_three_or_refused_naming_sort() {
    Gens.forAllStrings("sort", 100, SORT_LIKE)
        .check(
            sort -> {
              HttpResponse<String> r =
                  server.get("/api/search?q=model&facets=none&sort=" + enc(sort));
              JsonNode body = valid(r);
              String s = sort.strip().toLowerCase(Locale.ROOT);
              if (s.isEmpty() || Set.of("relevance", "newest", "oldest").contains(s)) {
                assertEquals(200, r.statusCode(), sort);
              } else {
                assertEquals(400, r.statusCode(), sort);
                assertEquals("sort", body.get("parameter").asText());
              }
            });
  }

  record Filter(String filter, List<String> values) {}

  @Test
  void filters_take_any_value_or_refuse_naming_the_filter() {
    Property.forAll("filters", 200, r -> new Filter(FILTER_NAME.next(r), FILTER_VALUES.next(r)))
        .shrinkWith(
            in ->
                IntStream.range(0, in.values().size())
                    .mapToObj(
                        i -> {
                          List<String> fewer = new ArrayList<>(in.values());
                          fewer.remove(i);
                          return new Filter(in.filter(), fewer);
                        }))
        .check(
            in -> {
              String filter = in.filter();
              List<String> values = in.values();
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
            });
  }

  @Test
  void the_facets_parameter_names_facets_or_is_refused() {
    Gens.forAllStrings("facets", 100, FACETS_LIKE)
        .check(
            facets -> {
              HttpResponse<String> r = server.get("/api/search?q=model&facets=" + enc(facets));
              JsonNode body = valid(r);
              if (r.statusCode() != 200) {
                assertEquals(400, r.statusCode());
                assertEquals("facets", body.get("parameter").asText());
              }
            });
  }

  record FacetPrefix(String facet, String prefix) {}

  @Test
  void a_facet_listing_takes_any_prefix() {
    Property.forAll("facet prefix", 100, r -> new FacetPrefix(FILTER_NAME.next(r), TEXT.next(r)))
        .shrinkWith(in -> Gens.shrink(in.prefix()).map(p -> new FacetPrefix(in.facet(), p)))
        .check(
            in -> {
              HttpResponse<String> r =
                  server.get("/api/facets/" + in.facet() + "?prefix=" + enc(in.prefix()));
              assertEquals(200, r.statusCode(), in.prefix());
              assertTrue(valid(r).get("values").isArray());
            });
  }

  @Test
  void suggestions_take_any_prefix_up_to_their_limit() {
    Gens.forAllStrings("suggestions", 100, TEXT)
        .check(
            q -> {
              HttpResponse<String> r = server.get("/api/suggest?q=" + enc(q));
              JsonNode body = valid(r);
              if (q.length() > SearchController.SUGGEST_MAX_CHARS) {
                assertEquals(400, r.statusCode());
                assertEquals("q", body.get("parameter").asText());
              } else {
                assertEquals(200, r.statusCode(), q);
              }
            });
  }

  @Test
  void any_paper_id_is_found_or_a_json_404() {
    Gens.forAllStrings("paper id", 100, TEXT)
        .check(
            id -> {
              HttpResponse<String> r = server.get("/api/papers/" + enc(id));
              JsonNode body = valid(r);
              assertTrue(
                  r.statusCode() == 200 || r.statusCode() == 404 || r.statusCode() == 400,
                  id + " -> " + r.statusCode());
              if (r.statusCode() == 200) assertTrue(body.has("id"), r.body());
              assertFalse(r.body().contains("root:"), "file contents");
            });
  }

  // ---- generators

  static final Gen<String> TEXT =
      Gens.oneOf(
          Gens.unicode(300),
          Gens.from("ab*~\"()+-:\\ ^.%&=?#/<>'", 0, 100),
          Gens.of(
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

  static final Gen<String> RAW_QUERY_STRING =
      Gens.joined(
          Gens.oneOf(
              Gens.of(
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
              Gens.range('!', '~', 8)),
          0,
          30);

  static final Gen<String> NUMBER =
      Gens.oneOf(
          Gens.map(Gens.between(-5, 120), String::valueOf),
          Gens.map(Gens.anyLong(), String::valueOf),
          Gens.of(
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

  static final String BASE64_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

  static final Gen<String> CURSOR_LIKE =
      Gens.oneOf(
          Gens.unicode(100),
          Gens.from(BASE64_ALPHABET + "=", 1, 80),
          Gens.of("MVI6N2ZjMDAwMDA6eA", "MU46OTIyMzM3MjAzNjg1NDc3NTgwNzp4", " "));

  static final Gen<Character> BASE64_CHAR =
      r -> BASE64_ALPHABET.charAt(r.nextInt(BASE64_ALPHABET.length()));

  static final Gen<String> SORT_LIKE =
      Gens.oneOf(
          Gens.of("relevance", "NEWEST", " oldest ", "", "popular", "newest,oldest"),
          Gens.unicode(20));

  static final Gen<String> FILTER_NAME = Gens.of(SearchParams.FILTERS);

  static final Gen<List<String>> FILTER_VALUES;

  static {
    Gen<String> value =
        Gens.oneOf(
            Gens.unicode(60),
            Gens.of(
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
            Gens.map(Gens.between(0, 3000), String::valueOf));
    FILTER_VALUES = Gens.oneOf(Gens.list(value, 0, 4), Gens.list(value, 18, 26));
  }

  static final Gen<String> FACETS_LIKE =
      Gens.oneOf(
          Gens.of("none", "NONE", "subject,year", "author, type", ",", "", "colour"),
          Gens.unicode(40));

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
