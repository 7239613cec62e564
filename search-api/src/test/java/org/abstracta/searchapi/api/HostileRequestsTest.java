package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests an attacker or a broken client sends, over real HTTP against the real app on the seed
 * index, with CORS limited to one origin: other methods, path traversal through ids and static
 * files, malformed URLs, foreign origins. Every answer is JSON (or the page), with the security
 * headers, without a server version or a stack trace, and never a file's contents.
 */
class HostileRequestsTest {
  static final String ALLOWED_ORIGIN = "https://lab.example.org";

  static ApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ApiServer.overSeedIndex(new ApiConfig(List.of(ALLOWED_ORIGIN), false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static final List<String> EVERY_KIND_OF_PATH =
      List.of(
          "/",
          "/index.html",
          "/papers/2303.16212",
          "/embed.js",
          "/app.js",
          "/app.css",
          "/opensearch.xml",
          "/api/search",
          "/api/papers/t-ee369f20e7662e54",
          "/health",
          "/metrics",
          "/nope",
          "/nope.js");

  @ParameterizedTest(name = "{0} anywhere -> 405 JSON with Allow")
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FOO"})
  void only_get_head_and_options_are_answered_anywhere(String method) {
    for (String path : EVERY_KIND_OF_PATH) {
      String r = server.rawRequest(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n", "");
      assertTrue(r.startsWith("HTTP/1.1 405"), method + " " + path + ": " + r);
      assertTrue(header(r, "allow").equals("GET, HEAD, OPTIONS"), r);
      assertTrue(body(r).startsWith("{\"error\":\"method_not_allowed\""), r);
      assertClean(r);
    }
    for (String path : EVERY_KIND_OF_PATH) {
      assertTrue(
          server
              .raw("HEAD", path)
              .startsWith("HTTP/1.1 " + (path.startsWith("/nope") ? "404" : "200")),
          path);
      assertTrue(server.raw("OPTIONS", path).startsWith("HTTP/1.1 204"), path);
    }
  }

  @ParameterizedTest(name = "GET {0} -> 400/404, no file")
  @ValueSource(
      strings = {
        "/api/papers/..%2F..%2Fetc%2Fpasswd",
        "/api/papers/../../etc/passwd",
        "/api/papers/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/papers/%252e%252e%252fetc%252fpasswd",
        "/api/papers/..%5c..%5cetc%5cpasswd",
        "/api/papers/..;/..;/etc/passwd",
        "/../../etc/passwd",
        "/%2e%2e/",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/..%2f..%2fetc%2fpasswd",
        "/.%2e/.%2e/etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/%5c..%5c..%5cetc%5cpasswd",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "//etc/passwd",
        "/etc/passwd",
        "/file:///etc/passwd",
        "/..%2fsimplelogger.properties",
        "/%2e%2e%2fsimplelogger.properties",
        "/simplelogger.properties",
        "/public/index.html",
        "/public/../simplelogger.properties",
        "/embed.js/..%2f..%2fsimplelogger.properties",
        "/org/abstracta/searchapi/cli/Main.class",
        "/META-INF/MANIFEST.MF",
        "/WEB-INF/web.xml",
        "/%00/etc/passwd",
        "/api/papers/a%00b",
        "/%",
        "/api/%zz",
      })
  void no_path_reaches_a_file_outside_the_pages(String target) {
    String r = server.raw("GET", target);
    assertTrue(r.startsWith("HTTP/1.1 400") || r.startsWith("HTTP/1.1 404"), target + ": " + r);
    assertTrue(body(r).startsWith("{\"error\":"), r);
    assertFalse(r.contains("root:"), "/etc/passwd contents");
    assertFalse(r.contains("org.slf4j.simpleLogger"), "class path file contents");
    assertFalse(r.contains("Main-Class") || r.contains("\u00ca\u00fe\u00ba\u00be"), "jar contents");
    assertClean(r);
  }

  @Test
  void an_id_with_traversal_only_ever_names_a_paper() {
    // The paper page is the page itself, whatever the id; the id reaches only the index.
    String page = server.raw("GET", "/papers/..%2F..%2Fpom.xml");
    assertTrue(page.startsWith("HTTP/1.1 200"), page);
    assertFalse(page.contains("<project"), "pom.xml contents");
    HttpResponse<String> api = server.get("/api/papers/..%2F..%2Fpom.xml");
    assertEquals(404, api.statusCode());
    assertEquals("No paper with id '../../pom.xml'", json(api).get("message").asText());
  }

  @Test
  void malformed_urls_and_percent_encoding_get_json_answers() {
    for (String target :
        List.of(
            "/api/search?q=%",
            "/api/search?q=%E0%A4%A",
            "/api/search?q=%FF%FE",
            "/api/search?q=%00",
            "/api/search?q=a&&&&=&=",
            "/api/search?%=%",
            "/api/search?size=%31%30",
            "/api/search?q=\u00e9")) {
      String r = server.raw("GET", target);
      assertTrue(r.startsWith("HTTP/1.1 200") || r.startsWith("HTTP/1.1 400"), target + ": " + r);
      assertTrue(body(r).startsWith("{"), r);
      assertClean(r);
    }
    String bad = server.rawRequest("GET /api/search?q=x HTTP/9.9\r\nHost: 127.0.0.1\r\n", "");
    assertTrue(bad.startsWith("HTTP/1.1 4") || bad.startsWith("HTTP/1.1 505"), bad);
    assertClean(bad);
    String connect = server.raw("CONNECT", "/api/search");
    assertTrue(connect.startsWith("HTTP/1.1 400"), connect);
    assertClean(connect);
    String noHost = server.rawRequest("GET /api/search?q=x HTTP/1.1\r\n", "");
    assertTrue(noHost.startsWith("HTTP/1.1 400"), noHost);
    assertClean(noHost);
  }

  @Test
  void pages_api_and_errors_carry_the_security_headers() {
    for (String path : List.of("/", "/papers/2303.16212", "/index.html")) {
      HttpResponse<String> r = server.get(path);
      assertEquals(200, r.statusCode(), path);
      assertEquals(PageHeaders.PAGE_POLICY, first(r, "Content-Security-Policy"));
      assertEquals("DENY", first(r, "X-Frame-Options"));
      assertEquals("nosniff", first(r, "X-Content-Type-Options"));
      assertEquals("strict-origin-when-cross-origin", first(r, "Referrer-Policy"));
    }
    List<HttpResponse<String>> api = new ArrayList<>();
    for (String path : List.of("/api/search?q=x", "/api/search?size=-1", "/nope", "/health")) {
      api.add(server.get(path));
    }
    api.add(server.send("POST", "/api/search"));
    for (HttpResponse<String> r : api) {
      assertEquals(PageHeaders.API_POLICY, first(r, "Content-Security-Policy"), r.uri() + "");
      assertEquals("DENY", first(r, "X-Frame-Options"));
      assertEquals("nosniff", first(r, "X-Content-Type-Options"));
      assertTrue(first(r, "Content-Type").startsWith("application/json"), r.uri() + "");
    }
    // Errors Jetty answers itself carry them too.
    String jetty = server.raw("GET", "/%2e%2e/");
    assertEquals("nosniff", header(jetty, "x-content-type-options"));
    assertEquals(PageHeaders.API_POLICY, header(jetty, "content-security-policy"));
  }

  @Test
  void the_embed_script_stays_loadable_from_any_site() {
    HttpResponse<String> r = server.send("GET", "/embed.js", "Origin", "https://blog.example.com");
    assertEquals(200, r.statusCode());
    assertEquals("cross-origin", first(r, "Cross-Origin-Resource-Policy"));
    assertEquals("nosniff", first(r, "X-Content-Type-Options"));
    assertTrue(first(r, "Content-Type").startsWith("text/javascript"), first(r, "Content-Type"));
    assertEquals("", first(r, "X-Frame-Options"));
    assertEquals("", first(r, "Content-Security-Policy"));
  }

  @Test
  void only_the_configured_origin_gets_cors_headers_on_any_answer() {
    List<String> others =
        List.of(
            "https://evil.example.com",
            "null",
            "http://lab.example.org",
            "https://lab.example.org.evil.com",
            "https://evil.com/https://lab.example.org",
            "https://LAB.example.org:444");
    for (String path :
        List.of("/api/search?q=x", "/api/search?size=-1", "/nope", "/api/papers/x")) {
      HttpResponse<String> ok = server.send("GET", path, "Origin", ALLOWED_ORIGIN);
      assertEquals(ALLOWED_ORIGIN, first(ok, "Access-Control-Allow-Origin"), path);
      for (String origin : others) {
        HttpResponse<String> r = server.send("GET", path, "Origin", origin);
        assertEquals("", first(r, "Access-Control-Allow-Origin"), origin + " " + path);
        assertEquals("", first(r, "Access-Control-Allow-Credentials"), origin);
        HttpResponse<String> preflight =
            server.send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", "GET");
        assertEquals("", first(preflight, "Access-Control-Allow-Origin"), origin);
        assertEquals("", first(preflight, "Access-Control-Allow-Methods"), origin);
      }
    }
    HttpResponse<String> post =
        server.send("POST", "/api/search", "Origin", "https://evil.example.com");
    assertEquals(405, post.statusCode());
    assertEquals("", first(post, "Access-Control-Allow-Origin"));
  }

  // ---- helpers

  private static String first(HttpResponse<String> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  /** A header of a raw response, by lower-case name, or "". */
  private static String header(String response, String name) {
    String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return "";
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }

  /** No server version, no stack trace, no exception or Jetty name, no HTML error page. */
  private static void assertClean(String response) {
    assertEquals("", header(response, "server"), response);
    assertEquals("", header(response, "x-powered-by"), response);
    String body = body(response);
    assertFalse(body.contains("\tat ") || body.contains("Exception"), response);
    assertFalse(body.toLowerCase(Locale.ROOT).contains("jetty"), response);
    assertEquals("nosniff", header(response, "x-content-type-options"), response);
  }
}
