package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorResponsesTest {
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = new ApiServer(new FakeSearchService());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/search?size=abc|size|size must be a whole number from 0 to 100",
        "/api/search?size=1000|size|size must be a whole number from 0 to 100",
        "/api/search?size=-1|size|size must be a whole number from 0 to 100",
        "/api/search?page=0|page|page must be a whole number from 1 to 10000",
        "/api/search?page=-1|page|page must be a whole number from 1 to 10000",
        "/api/search?sort=popular|sort|sort must be one of relevance, newest, oldest",
        "/api/search?explain=maybe|explain|explain must be true or false",
        "/api/search?type=book|type|type must be paper or talk",
        "/api/search?hasCode=1|hasCode|hasCode must be true or false",
        "/api/search?year=last|year|year must be a year (2023) or a range of years (2019..2023)",
        "/api/search?facets=colour|facets|facets must be a comma-separated list of subject, year,"
            + " author, type, source, hasCode, or none; 'colour' is not a facet",
        "/api/suggest?q=x&size=abc|size|size must be a whole number from 1 to 50",
        "/api/suggest?q=x&format=xml|format|format must be json or opensearch",
        "/api/facets/author?size=0|size|size must be a whole number from 1 to 1000",
        "/api/facets/colour|facet|facet must be one of subject, year, author, type, source,"
            + " hasCode; 'colour' is not a facet",
        "/api/papers/2303.16212/similar?size=51|size|size must be a whole number from 1 to 50",
      })
  void an_invalid_parameter_is_a_400_naming_it(String target, String parameter, String message) {
    HttpResponse<String> r = server.get(target);
    assertEquals(400, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertEquals("invalid_parameter", body.get("error").asText());
    assertEquals(message, body.get("message").asText());
    assertEquals(parameter, body.get("parameter").asText());
  }

  @Test
  void a_request_the_search_refuses_is_a_400_with_the_services_code() {
    HttpResponse<String> r = server.get("/api/search?q=boom");
    assertEquals(400, r.statusCode());
    JsonNode body = json(r);
    assertEquals("query_too_long", body.get("error").asText());
    assertEquals("q must be at most 10 characters", body.get("message").asText());
    assertEquals("q", body.get("parameter").asText());
  }

  @Test
  void a_server_fault_is_a_500_without_details_or_stack_trace() {
    HttpResponse<String> r = server.get("/api/search?q=crash");
    assertEquals(500, r.statusCode());
    JsonNode body = json(r);
    assertEquals("internal_error", body.get("error").asText());
    assertFalse(r.body().contains("secret"), r.body());
    assertNoStackOrServerVersion(r);
  }

  @ParameterizedTest(name = "GET {0} -> 404 JSON")
  @ValueSource(strings = {"/nope", "/api", "/api/searchx", "/api/papers/", "/api/facets/"})
  void an_unknown_route_is_a_json_404(String target) {
    HttpResponse<String> r = server.get(target);
    assertEquals(404, r.statusCode());
    assertEquals("not_found", json(r).get("error").asText());
  }

  @Test
  void an_unknown_paper_is_a_json_404_naming_the_id() {
    for (String target :
        new String[] {"/api/papers/9999.99999", "/api/papers/9999.99999/similar"}) {
      HttpResponse<String> r = server.get(target);
      assertEquals(404, r.statusCode());
      JsonNode body = json(r);
      assertEquals("not_found", body.get("error").asText());
      assertEquals("No paper with id '9999.99999'", body.get("message").asText());
    }
  }

  @ParameterizedTest(name = "{0} on an API route -> 405 with Allow")
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "TRACE"})
  void a_method_other_than_get_head_options_is_a_405_with_allow(String method) {
    for (String route : AppFactory.API_ROUTES) {
      String target = route.replace("{id}", "hep-ph/0701001").replace("{facet}", "author");
      HttpResponse<String> r = server.send(method, target);
      assertEquals(405, r.statusCode(), method + " " + target);
      assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(""));
      JsonNode body = json(r);
      assertEquals("method_not_allowed", body.get("error").asText());
      assertTrue(body.get("message").asText().startsWith(method + " is not allowed"));
    }
  }

  @ParameterizedTest(name = "raw GET {0} -> JSON 400")
  @ValueSource(
      strings = {"/api/papers/%", "/api/papers/a%00b", "/../etc/passwd", "/api/papers/%2e%2e/x"})
  void a_malformed_request_target_is_a_json_400_from_the_server_itself(String target) {
    String response = server.raw("GET", target);
    assertTrue(response.startsWith("HTTP/1.1 400"), response);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertTrue(body.startsWith("{\"error\":\"bad_request\""), body);
    assertFalse(response.toLowerCase(java.util.Locale.ROOT).contains("\nserver:"), response);
    assertFalse(response.contains("<html"), response);
  }

  @Test
  void malformed_percent_encoding_in_the_query_string_is_read_leniently() {
    String response = server.raw("GET", "/api/search?q=%zz&size=%E0%A4%A");
    assertTrue(
        response.startsWith("HTTP/1.1 200") || response.startsWith("HTTP/1.1 400"), response);
    assertFalse(response.contains("\tat "), response);
  }

  @Test
  void no_response_carries_a_server_version_or_a_stack_trace() {
    String[] targets = {
      "/api/search?q=x",
      "/api/search?size=abc",
      "/api/search?q=crash",
      "/nope",
      "/api/papers/nope",
      "/health",
      "/metrics",
      "/openapi.json",
      "/opensearch.xml"
    };
    for (String t : targets) assertNoStackOrServerVersion(server.get(t));
    assertNoStackOrServerVersion(server.send("POST", "/api/search"));
    assertNoStackOrServerVersion(server.send("OPTIONS", "/api/search"));
  }

  static void assertNoStackOrServerVersion(HttpResponse<String> r) {
    assertTrue(r.headers().firstValue("Server").isEmpty(), "Server header on " + r.uri());
    assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), "X-Powered-By on " + r.uri());
    assertFalse(r.body().contains("\tat "), "stack trace in " + r.uri());
    assertFalse(r.body().contains("Exception"), "exception name in " + r.uri() + ": " + r.body());
    assertFalse(r.body().toLowerCase(java.util.Locale.ROOT).contains("jetty"), r.uri().toString());
  }
}
