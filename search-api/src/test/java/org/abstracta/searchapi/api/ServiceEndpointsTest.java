package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {
  static FakeSearchService fake;
  static ApiServer server;

  @BeforeAll
  static void start() {
    fake = new FakeSearchService();
    server = new ApiServer(fake);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void suggest_lists_completions_with_their_kind_and_title_ids() {
    HttpResponse<String> r = server.get("/api/suggest?q=reinf");
    assertEquals(200, r.statusCode());
    JsonNode body = json(r);
    assertEquals("reinf", body.get("q").asText());
    JsonNode s = body.get("suggestions");
    assertEquals(3, s.size());
    assertEquals("reinforcement learning", s.get(0).get("text").asText());
    assertEquals("term", s.get(0).get("kind").asText());
    assertFalse(s.get(0).has("id"));
    assertEquals("title", s.get(1).get("kind").asText());
    assertEquals("2303.16212", s.get(1).get("id").asText());
    assertEquals(1, json(server.get("/api/suggest?q=reinf&size=1")).get("suggestions").size());
  }

  @Test
  void suggest_without_text_offers_nothing_rather_than_an_error() {
    fake.lastSuggestPrefix.set(null);
    for (String target : new String[] {"/api/suggest", "/api/suggest?q=", "/api/suggest?q=%20"}) {
      HttpResponse<String> r = server.get(target);
      assertEquals(200, r.statusCode());
      assertEquals(0, json(r).get("suggestions").size());
    }
    assertEquals(null, fake.lastSuggestPrefix.get(), "the service is not asked");
  }

  @Test
  void suggest_in_opensearch_format_is_what_a_browser_search_bar_reads() {
    HttpResponse<String> r = server.get("/api/suggest?q=reinf&format=opensearch");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/x-suggestions+json"));
    JsonNode body = json(r);
    assertEquals("reinf", body.get(0).asText());
    assertEquals("reinforcement learning", body.get(1).get(0).asText());
  }

  @Test
  void facet_values_are_listed_with_a_prefix_filter_and_size() {
    JsonNode all = json(server.get("/api/facets/author"));
    assertEquals("author", all.get("facet").asText());
    assertEquals(2, all.get("values").size());
    assertEquals(19, all.get("values").get(0).get("count").asLong());
    JsonNode some = json(server.get("/api/facets/author?prefix=ato"));
    assertEquals(1, some.get("values").size());
    assertEquals("Atoosa Kasirzadeh", some.get("values").get(0).get("value").asText());
    assertEquals(1, json(server.get("/api/facets/author?size=1")).get("values").size());
  }

  @Test
  void facet_names_are_accepted_in_any_case() {
    assertEquals("hasCode", json(server.get("/api/facets/HASCODE")).get("facet").asText());
  }

  @Test
  void stats_report_what_the_index_holds() {
    JsonNode s = json(server.get("/api/stats"));
    assertEquals(3, s.get("documents").asLong());
    assertEquals(3, s.get("perType").get("paper").asLong());
    assertEquals("2026-01-01T00:00:00Z", s.get("lastCommit").asText());
    assertEquals(7, s.get("generation").asLong());
  }

  @Test
  void health_is_ok_with_the_document_count_and_503_when_the_index_is_unreadable() {
    HttpResponse<String> ok = server.get("/health");
    assertEquals(200, ok.statusCode());
    assertEquals("ok", json(ok).get("status").asText());
    assertEquals(3, json(ok).get("documents").asLong());
    try (ApiServer broken = new ApiServer(brokenIndex())) {
      HttpResponse<String> down = broken.get("/health");
      assertEquals(503, down.statusCode());
      assertEquals("unavailable", json(down).get("error").asText());
    }
  }

  private static FakeSearchService brokenIndex() {
    FakeSearchService s = new FakeSearchService();
    s.indexUnreadable = true;
    return s;
  }

  @Test
  void metrics_expose_a_latency_histogram_per_route_in_prometheus_text() {
    server.get("/api/search?q=x");
    server.get("/api/papers/hep-ph/0701001");
    server.get("/nope-" + System.nanoTime());
    HttpResponse<String> r = server.get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String text = r.body();
    assertTrue(text.contains("# TYPE http_server_requests_seconds histogram"), text);
    assertTrue(
        text.contains(
            "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\",le=\"0.001\"}"),
        text);
    assertTrue(
        text.contains(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/papers/<id>\",status=\"200\"}"),
        "routes are templates, not raw paths");
    assertTrue(text.contains("route=\"unmatched\",status=\"404\""), "404s share one series");
    assertFalse(text.contains("nope-"), "raw paths never become labels");
    assertTrue(text.contains("le=\"+Inf\""));
    assertTrue(text.contains("abstracta_index_documents 3.0"));
    assertTrue(text.contains("jvm_memory_used_bytes"));
  }

  @Test
  void opensearch_description_points_at_the_address_the_client_used() {
    HttpResponse<String> r = server.get("/opensearch.xml");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/opensearchdescription+xml"));
    String xml = r.body();
    assertTrue(xml.contains("<ShortName>Abstracta</ShortName>"));
    assertTrue(xml.contains("template=\"" + server.base + "/?q={searchTerms}\""), xml);
    assertTrue(xml.contains(server.base + "/api/suggest?q={searchTerms}&amp;format=opensearch"));
    assertFalse(xml.contains("{{"), "every placeholder is filled");
  }

  @Test
  void the_paper_page_is_served_for_any_id_with_the_page_security_headers() {
    HttpResponse<String> r = server.get("/papers/hep-ph/0701001");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(
        r.body().contains("<html")
            || r.body().contains("<!doctype")
            || r.body().contains("<!DOCTYPE"));
    assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
  }

  @Test
  void one_line_is_logged_per_request_with_method_path_status_and_milliseconds() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ApiServer logging = new ApiServer(new FakeSearchService(), ApiConfig.defaults())) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      logging.get("/api/search?q=logged");
      logging.get("/api/search?size=abc");
      Pattern line = Pattern.compile("GET /api/search\\?q=logged 200 \\d+\\.\\d ms\\R");
      Pattern error = Pattern.compile("GET /api/search\\?size=abc 400 \\d+\\.\\d ms\\R");
      long deadline = System.nanoTime() + 2_000_000_000L;
      String log = "";
      while (System.nanoTime() < deadline) {
        log = captured.toString(StandardCharsets.UTF_8);
        if (line.matcher(log).find() && error.matcher(log).find()) break;
        Thread.sleep(20);
      }
      Matcher m = line.matcher(log);
      assertTrue(m.find(), log);
      assertFalse(m.find(), "exactly one line per request: " + log);
      assertTrue(error.matcher(log).find(), log);
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void the_openapi_document_describes_every_route_the_app_serves() {
    HttpResponse<String> r = server.get("/openapi.json");
    assertEquals(200, r.statusCode());
    JsonNode doc = json(r);
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    List<String> described = SearchEndpointTest.fieldNames(doc.get("paths"));
    assertEquals(AppFactory.API_ROUTES, described);
    for (String path : described) {
      JsonNode get = doc.get("paths").get(path).get("get");
      assertTrue(get.has("operationId"), path);
      assertTrue(get.get("responses").has("200"), path);
    }
  }

  @Test
  void the_openapi_document_lists_every_search_parameter_with_its_limits() {
    JsonNode search = json(server.get("/openapi.json")).get("paths").get("/api/search").get("get");
    java.util.Map<String, JsonNode> params = new java.util.LinkedHashMap<>();
    search.get("parameters").forEach(p -> params.put(p.get("name").asText(), p));
    assertEquals(
        List.of(
            "q",
            "subject",
            "year",
            "author",
            "type",
            "source",
            "hasCode",
            "sort",
            "page",
            "size",
            "cursor",
            "facets",
            "explain",
            "mode",
            "autocorrect",
            "format"),
        List.copyOf(params.keySet()));
    assertEquals(
        "[\"keyword\",\"semantic\",\"hybrid\"]",
        params.get("mode").get("schema").get("enum").toString());
    JsonNode size = params.get("size").get("schema");
    assertEquals(0, size.get("minimum").asInt()); // size=0: the total and facets only
    assertEquals(100, size.get("maximum").asInt());
    assertEquals(10, size.get("default").asInt());
    assertEquals("array", params.get("subject").get("schema").get("type").asText());
    assertEquals(
        List.of("relevance", "newest", "oldest"),
        List.of(
            params.get("sort").get("schema").get("enum").get(0).asText(),
            params.get("sort").get("schema").get("enum").get(1).asText(),
            params.get("sort").get("schema").get("enum").get(2).asText()));
    assertTrue(search.get("responses").has("400"));
  }

  @Test
  void the_icon_is_served_where_browsers_ask_for_it() {
    for (String path : List.of("/favicon.ico", "/favicon.svg")) {
      HttpResponse<String> r = server.get(path);
      assertEquals(200, r.statusCode(), path);
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), path);
      assertTrue(r.body().startsWith("<svg"), path);
    }
  }

  @Test
  void the_openapi_document_lists_every_format_on_searches_and_papers() {
    JsonNode paths = json(server.get("/openapi.json")).get("paths");
    for (String path : List.of("/api/search", "/api/papers/{id}")) {
      JsonNode get = paths.get(path).get("get");
      JsonNode format = null;
      for (JsonNode p : get.get("parameters"))
        if (p.get("name").asText().equals("format")) format = p;
      assertEquals(
          "[\"json\",\"atom\",\"bibtex\",\"ris\",\"csl-json\",\"ics\"]",
          format.get("schema").get("enum").toString(),
          path);
      assertEquals(
          List.of(
              "application/json",
              "application/atom+xml",
              "application/x-bibtex",
              "application/x-research-info-systems",
              "application/vnd.citationstyles.csl+json",
              "text/calendar"),
          List.copyOf(
              new java.util.ArrayList<String>() {
                {
                  get.get("responses")
                      .get("200")
                      .get("content")
                      .fieldNames()
                      .forEachRemaining(this::add);
                }
              }),
          path);
    }
  }

  @Test
  void every_schema_reference_in_the_openapi_document_resolves() {
    String text = server.get("/openapi.json").body();
    JsonNode schemas = json(server.get("/openapi.json")).get("components").get("schemas");
    Matcher m = Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
    int refs = 0;
    while (m.find()) {
      refs++;
      assertTrue(schemas.has(m.group(1)), "unresolved $ref " + m.group(1));
    }
    assertTrue(refs > 10);
  }
}
