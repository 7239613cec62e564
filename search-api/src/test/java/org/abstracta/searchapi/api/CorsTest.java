package org.abstracta.searchapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsTest {

  @Test
  void by_default_any_origin_may_read_the_api() {
    try (ApiServer server = new ApiServer(new FakeSearchService())) {
      HttpResponse<String> r =
          server.send("GET", "/api/search?q=x", "Origin", "https://blog.example.org");
      assertEquals(200, r.statusCode());
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }
  }

  @Test
  void a_preflight_is_answered_with_the_read_methods_and_a_max_age() {
    try (ApiServer server = new ApiServer(new FakeSearchService())) {
      HttpResponse<String> r =
          server.send(
              "OPTIONS",
              "/api/search?q=x",
              "Origin",
              "https://blog.example.org",
              "Access-Control-Request-Method",
              "GET",
              "Access-Control-Request-Headers",
              "content-type");
      assertEquals(204, r.statusCode());
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertEquals("GET, HEAD", r.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
      assertEquals(
          "content-type", r.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
      assertEquals("86400", r.headers().firstValue("Access-Control-Max-Age").orElse(""));
      assertEquals("", r.body());
    }
  }

  @Test
  void a_preflight_for_a_write_method_still_only_allows_get_and_head() {
    try (ApiServer server = new ApiServer(new FakeSearchService())) {
      HttpResponse<String> r =
          server.send(
              "OPTIONS",
              "/api/search",
              "Origin",
              "https://blog.example.org",
              "Access-Control-Request-Method",
              "DELETE");
      assertEquals("GET, HEAD", r.headers().firstValue("Access-Control-Allow-Methods").orElse(""));
    }
  }

  @Test
  void a_plain_options_request_lists_the_allowed_methods() {
    try (ApiServer server = new ApiServer(new FakeSearchService())) {
      HttpResponse<String> r = server.send("OPTIONS", "/api/papers/hep-ph/0701001");
      assertEquals(204, r.statusCode());
      assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(""));
      assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no Origin sent");
    }
  }

  @Test
  void configured_origins_are_allowed_and_others_get_no_cors_headers() {
    ApiConfig config =
        new ApiConfig(List.of("https://a.example.org", "https://b.example.org"), false);
    try (ApiServer server = new ApiServer(new FakeSearchService(), config)) {
      HttpResponse<String> allowed =
          server.send("GET", "/api/search?q=x", "Origin", "https://b.example.org");
      assertEquals(200, allowed.statusCode());
      assertEquals(
          "https://b.example.org",
          allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
      assertTrue(allowed.headers().allValues("Vary").toString().contains("Origin"));

      HttpResponse<String> preflight =
          server.send(
              "OPTIONS",
              "/api/suggest?q=r",
              "Origin",
              "https://a.example.org",
              "Access-Control-Request-Method",
              "GET");
      assertEquals(
          "https://a.example.org",
          preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

      HttpResponse<String> other =
          server.send("GET", "/api/search?q=x", "Origin", "https://evil.example.com");
      assertEquals(
          200, other.statusCode(), "the read itself is not refused; the browser blocks it");
      assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
      assertEquals(2, ApiServer.json(other).get("total").asInt());

      HttpResponse<String> otherPreflight =
          server.send(
              "OPTIONS",
              "/api/search",
              "Origin",
              "https://evil.example.com",
              "Access-Control-Request-Method",
              "GET");
      assertTrue(otherPreflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
      assertTrue(otherPreflight.headers().firstValue("Access-Control-Allow-Methods").isEmpty());
    }
  }

  @Test
  void error_responses_carry_cors_headers_so_a_page_can_read_the_message() {
    try (ApiServer server = new ApiServer(new FakeSearchService())) {
      HttpResponse<String> r =
          server.send("GET", "/api/search?size=abc", "Origin", "https://blog.example.org");
      assertEquals(400, r.statusCode());
      assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }
  }
}
