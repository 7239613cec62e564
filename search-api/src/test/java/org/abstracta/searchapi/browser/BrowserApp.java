package org.abstracta.searchapi.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.searchapi.api.ApiConfig;
import org.abstracta.searchapi.api.AppFactory;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.engine.IndexSearchService;

/**
 * The real service, as {@code abstracta serve} runs it, over the 90-document seed corpus plus a
 * fixture whose title and abstract are full of HTML, on a random loopback port.
 */
final class BrowserApp implements AutoCloseable {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  static final int SEED_DOCUMENTS = 90;

  /** The seed corpus's robotics papers (subject cs.RO). */
  static final int SEED_ROBOTICS_PAPERS = 7;

  /** The fixture paper with {@code <script>} and {@code <img onerror>} in its title. */
  static final String UNSAFE_ID = "2401.99901";

  private static final ObjectMapper JSON = new ObjectMapper();

  final String base;
  private final SearchService service;
  private final Javalin app;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BrowserApp(SearchService service, Javalin app) {
    this.service = service;
    this.app = app;
    this.base = "http://127.0.0.1:" + app.port();
  }

  static BrowserApp start(Path indexDir) throws Exception {
    Path fixture = Path.of(BrowserApp.class.getResource("/browser/unsafe-titles.jsonl").toURI());
    IndexRun.run(
        List.of(Path.of("..", "src", "corpus"), fixture),
        IndexOptions.defaults(indexDir).withAsOf(AS_OF));
    SearchService service = IndexSearchService.open(indexDir);
    Javalin app =
        AppFactory.create(service, new ApiConfig(List.of("*"), false)).start("127.0.0.1", 0);
    return new BrowserApp(service, app);
  }

  /** {@code GET base + pathAndQuery} as JSON; fails on anything but 200. */
  JsonNode api(String pathAndQuery) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The response headers of {@code GET base + path}. */
  java.net.http.HttpHeaders headers(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .headers();
    } catch (IOException e) {
      throw new AssertionError(path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
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
  public void close() throws IOException {
    app.stop();
    service.close();
  }
}
