package org.abstracta.searchapi.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.searchapi.api.ApiServer;
import org.abstracta.searchapi.opensearch.OpenSearchCluster;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;

/**
 * The real service, as {@code abstracta serve} runs it, over the 90-document seed corpus plus a
 * fixture whose title and abstract are full of HTML, on a random loopback port.
 */
final class BrowserApp implements AutoCloseable {
  /** The seed corpus's robotics papers (subject cs.RO). */
  static final int SEED_ROBOTICS_PAPERS = 7;

  /** The fixture paper with {@code <script>} and {@code <img onerror>} in its title. */
  static final String UNSAFE_ID = "2401.99901";

  final String base;
  private final ApiServer server;
  private final AutoCloseable service;

  private BrowserApp(ApiServer server, AutoCloseable service) {
    this.server = server;
    this.service = service;
    this.base = server.base;
  }

  /** How a browser test starts the app. */
  interface Starter {
    BrowserApp start() throws Exception;
  }

  private static Path fixture() throws Exception {
    return Path.of(BrowserApp.class.getResource("/browser/unsafe-titles.jsonl").toURI());
  }

  static BrowserApp start() throws Exception {
    return new BrowserApp(ApiServer.over(SeedIndex.shared(fixture())), null);
  }

  /** A browser test class that runs against the OpenSearch backend. */
  interface OnOpenSearch {}

  /** The app {@code testClass} tests: over OpenSearch for an {@link OnOpenSearch} class. */
  static BrowserApp startFor(Class<?> testClass) throws Exception {
    return OnOpenSearch.class.isAssignableFrom(testClass) ? startOnOpenSearch() : start();
  }

  /** The same app and documents served from the build's OpenSearch cluster. */
  static BrowserApp startOnOpenSearch() throws Exception {
    OpenSearchTarget target = OpenSearchCluster.target("browser");
    OpenSearchCluster.index(target, SeedIndex.corpus(), fixture());
    OpenSearchSearchService service = OpenSearchSearchService.open(target);
    return new BrowserApp(ApiServer.serving(service), service);
  }

  /** {@code GET base + pathAndQuery} as JSON; fails on anything but 200. */
  JsonNode api(String pathAndQuery) {
    HttpResponse<String> r = server.get(pathAndQuery);
    if (r.statusCode() != 200) {
      throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
    }
    return ApiServer.json(r);
  }

  /** The response headers of {@code GET base + path}. */
  java.net.http.HttpHeaders headers(String path) {
    return server.get(path).headers();
  }

  /** The ids of the hits of one API search, in order. */
  List<String> ids(String query) {
    return values(api("/api/search?facets=none&" + query).get("hits"), "id");
  }

  /** The titles of the hits of one API search, in order. */
  List<String> titles(String query) {
    return values(api("/api/search?facets=none&" + query).get("hits"), "title");
  }

  static List<String> values(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) out.add(n.get(field).asText());
    return out;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
    try {
      if (service != null) service.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
