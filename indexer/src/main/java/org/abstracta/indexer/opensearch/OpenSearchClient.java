package org.abstracta.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;

/**
 * JSON over OpenSearch's REST API, through its low-level client: requests go to the target's nodes
 * in turn, and a node that does not answer is skipped (retried later) while another answers. A
 * request the cluster is too busy for (HTTP 429) is retried with growing pauses. Bodies are Jackson
 * trees built by the callers, never strings with user text pasted in. Thread-safe.
 */
public final class OpenSearchClient implements Closeable {
  /** How long a request may take before its node counts as not answering. */
  static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(60);

  private static final int BUSY_RETRIES = 10;

  private final ObjectMapper json = new ObjectMapper();
  private final RestClient client;
  private final OpenSearchTarget target;

  private OpenSearchClient(RestClient client, OpenSearchTarget target) {
    this.client = client;
    this.target = target;
  }

  /** A client for the target's nodes (no request is made yet). */
  public static OpenSearchClient connect(OpenSearchTarget target) {
    HttpHost[] hosts =
        target.nodes().stream()
            .map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort()))
            .toArray(HttpHost[]::new);
    RestClientBuilder b = RestClient.builder(hosts);
    if (target.user() != null) {
      String token =
          Base64.getEncoder()
              .encodeToString(
                  (target.user() + ":" + (target.password() == null ? "" : target.password()))
                      .getBytes(StandardCharsets.UTF_8));
      b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + token)});
    }
    b.setRequestConfigCallback(
        rc -> rc.setConnectTimeout(Timeout.ofSeconds(3)).setResponseTimeout(RESPONSE_TIMEOUT));
    return new OpenSearchClient(b.build(), target);
  }

  public OpenSearchTarget target() {
    return target;
  }

  /** An empty JSON object to build a request body in. */
  public ObjectNode object() {
    return json.createObjectNode();
  }

  public ObjectMapper mapper() {
    return json;
  }

  /** GET without a body. */
  public JsonNode get(String path, Map<String, String> params) throws IOException {
    return send("GET", path, params, null);
  }

  /**
   * A request with a JSON body (or none); the parsed response, or an exception: {@link Unavailable}
   * when no node answers, {@link Refused} for an error status.
   */
  public JsonNode send(String method, String path, Map<String, String> params, JsonNode body)
      throws IOException {
    byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
    return send(method, path, params, bytes, ContentType.APPLICATION_JSON);
  }

  /** A {@code _bulk} request: newline-delimited JSON, already built. */
  public JsonNode bulk(String path, byte[] ndjson) throws IOException {
    return send("POST", path, Map.of(), ndjson, ContentType.create("application/x-ndjson"));
  }

  /** Whether the path exists (HEAD answered 200, not 404). */
  public boolean exists(String path) throws IOException {
    Request r = new Request("HEAD", path);
    try {
      return client.performRequest(r).getStatusLine().getStatusCode() == 200;
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) return false;
      throw refused(e);
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  private JsonNode send(
      String method, String path, Map<String, String> params, byte[] body, ContentType type)
      throws IOException {
    long pause = 100;
    for (int attempt = 0; ; attempt++) {
      Request r = new Request(method, path);
      params.forEach(r::addParameter);
      if (body != null) r.setEntity(new ByteArrayEntity(body, type));
      try {
        Response response = client.performRequest(r);
        if (response.getEntity() == null) return json.createObjectNode();
        JsonNode parsed;
        try (InputStream in = response.getEntity().getContent()) {
          parsed = json.readTree(in);
        }
        if (parsed == null) return json.createObjectNode();
        if (path.endsWith("/_search") || path.endsWith("/_count")) requireEveryShard(parsed);
        return parsed;
      } catch (ResponseException e) {
        int status = e.getResponse().getStatusLine().getStatusCode();
        if (status == 429 && attempt < BUSY_RETRIES) {
          sleep(pause);
          pause = Math.min(pause * 2, 5_000);
          continue;
        }
        throw status == 503 ? unavailable(e) : refused(e);
      } catch (IOException e) {
        throw unavailable(e);
      }
    }
  }

  /**
   * A search or count that some shards could not answer (a node just lost, its copies not yet
   * promoted) is incomplete: its totals, facets and lookups would be silently short. It fails as
   * {@link Unavailable} instead, as the cluster's own 503 would.
   */
  private void requireEveryShard(JsonNode response) throws Unavailable {
    JsonNode shards = response.path("_shards");
    int failed = shards.path("failed").asInt(0);
    if (failed == 0) return;
    String reason =
        shards.path("failures").path(0).path("reason").path("type").asText("unknown reason");
    throw new Unavailable(
        "OpenSearch at "
            + target.nodeList()
            + " could not search "
            + failed
            + " of "
            + shards.path("total").asInt()
            + " shards ("
            + reason
            + ")",
        null);
  }

  private Refused refused(ResponseException e) {
    int status = e.getResponse().getStatusLine().getStatusCode();
    JsonNode error = null;
    try (InputStream in = e.getResponse().getEntity().getContent()) {
      error = json.readTree(in).path("error");
    } catch (IOException | RuntimeException ignored) {
      // no readable error body: the status says enough
    }
    String type = error == null ? "" : error.path("type").asText("");
    String reason = error == null ? "" : error.path("reason").asText("");
    if (error != null && error.isTextual()) reason = error.asText();
    return new Refused(status, type, reason);
  }

  private Unavailable unavailable(IOException e) {
    if (e instanceof Unavailable u) return u;
    String why =
        switch (e) {
          case ConnectException c -> "connection refused";
          case SocketTimeoutException t -> "no answer in time";
          case UnknownHostException u -> "unknown host " + u.getMessage();
          case SSLException s -> "TLS failed: " + s.getMessage();
          case ResponseException r -> "HTTP " + r.getResponse().getStatusLine().getStatusCode();
          default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    return new Unavailable("OpenSearch at " + target.nodeList() + " cannot be reached: " + why, e);
  }

  /** Pauses before a retry; interrupted, the retry is abandoned. */
  static void sleep(long millis) throws IOException {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while OpenSearch was busy", e);
    }
  }

  /** The base URLs, for messages. */
  public String nodes() {
    return String.join(",", target.nodes().stream().map(URI::toString).toList());
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /** No node of the cluster answered (down, unreachable, or it said it cannot serve: 503). */
  public static final class Unavailable extends IOException {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The cluster answered with an error status. */
  public static final class Refused extends IOException {
    private final int status;
    private final String type;

    Refused(int status, String type, String reason) {
      super(
          "OpenSearch refused the request (HTTP "
              + status
              + (type.isEmpty() ? "" : ", " + type)
              + (reason.isEmpty() ? "" : ": " + reason)
              + ")");
      this.status = status;
      this.type = type;
    }

    public int status() {
      return status;
    }

    /** OpenSearch's error type ({@code index_not_found_exception}, ...), or empty. */
    public String type() {
      return type;
    }
  }
}
