package org.abstracta.searchapi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.engine.IndexSearchService;

/**
 * The real app, started on a random loopback port, and a plain {@link HttpClient} to call it: what
 * the tests exercise is exactly what {@code abstracta serve} runs. {@link #overSeedIndex()} is the
 * one way a test starts it over the seed index.
 */
public final class ApiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every origin allowed, no request log. */
  private static final ApiConfig OPEN = new ApiConfig(List.of("*"), false);

  final Javalin app;
  public final String base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The service opened for this server alone ({@link #over}, {@link #owning}), closed with it. */
  private final SearchService own;

  ApiServer(SearchService service, ApiConfig config) {
    this(service, config, null);
  }

  ApiServer(SearchService service) {
    this(service, OPEN);
  }

  private ApiServer(SearchService service, ApiConfig config, SearchService own) {
    this.own = own;
    this.app = AppFactory.create(service, config).start("127.0.0.1", 0);
    this.base = "http://127.0.0.1:" + app.port();
  }

  /** The real app over {@code service} (which the caller closes). */
  public static ApiServer serving(SearchService service) {
    return new ApiServer(service);
  }

  /** The real app over {@code service}, which it closes when it stops. */
  public static ApiServer owning(SearchService service) {
    return new ApiServer(service, OPEN, service);
  }

  /** The real app over the seed index, built once per JVM ({@link SeedIndex#shared}). */
  public static ApiServer overSeedIndex() throws IOException {
    return overSeedIndex(OPEN);
  }

  /** As above, configured by {@code config}. */
  static ApiServer overSeedIndex(ApiConfig config) throws IOException {
    return over(SeedIndex.shared(), IndexSearchService.DEFAULT_TIME_BUDGET, config);
  }

  /** The real app over the index in {@code index}, on a service of its own. */
  public static ApiServer over(Path index) throws IOException {
    return over(index, IndexSearchService.DEFAULT_TIME_BUDGET, OPEN);
  }

  /** As above, each search given {@code timeBudget}. */
  static ApiServer over(Path index, Duration timeBudget) throws IOException {
    return over(index, timeBudget, OPEN);
  }

  private static ApiServer over(Path index, Duration timeBudget, ApiConfig config)
      throws IOException {
    IndexSearchService service = IndexSearchService.open(index, timeBudget);
    try {
      return new ApiServer(service, config, service);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  HttpResponse<String> send(String method, String pathAndQuery, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) b.headers(headers);
    return send(b);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code method target} as written, over a plain socket, for what {@link HttpClient} will
   * not send (malformed percent-encoding); returns the whole response, status line first.
   */
  String raw(String method, String target) {
    return rawRequest(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n", "");
  }

  /**
   * Sends {@code head} (request line and headers, each ending in CRLF) plus {@code Connection:
   * close}, then {@code body}, over a plain socket; returns the whole response.
   */
  String rawRequest(String head, String body) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      String request = head + "Connection: close\r\n\r\n" + body;
      socket
          .getOutputStream()
          .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    app.stop();
    if (own == null) return;
    try {
      own.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
