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
import java.time.Duration;
import org.abstracta.searchapi.search.SearchService;

/**
 * The real app, started on a random loopback port, and a plain {@link HttpClient} to call it: what
 * the tests exercise is exactly what {@code abstracta serve} runs.
 */
final class ApiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Javalin app;
  final String base;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ApiServer(SearchService service, ApiConfig config) {
    this.app = AppFactory.create(service, config).start("127.0.0.1", 0);
    this.base = "http://127.0.0.1:" + app.port();
  }

  ApiServer(SearchService service) {
    this(service, new ApiConfig(java.util.List.of("*"), false));
  }

  HttpResponse<String> get(String pathAndQuery) {
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

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
