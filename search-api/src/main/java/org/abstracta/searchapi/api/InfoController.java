package org.abstracta.searchapi.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.abstracta.searchapi.search.IndexStats;
import org.abstracta.searchapi.search.SearchService;

/**
 * What describes the service rather than searches it: {@code /health}, {@code /api/stats}, {@code
 * /metrics}, {@code /openapi.json}, {@code /opensearch.xml}.
 */
final class InfoController {
  static final String OPENSEARCH_RESOURCE = "/public/opensearch.xml";
  static final String OPENSEARCH_TYPE = "application/opensearchdescription+xml; charset=utf-8";

  private final SearchService service;
  private final HttpMetrics metrics;
  private final String openApi;
  private final String openSearchTemplate;

  InfoController(SearchService service, HttpMetrics metrics) {
    this.service = service;
    this.metrics = metrics;
    this.openApi = OpenApiDocument.json();
    this.openSearchTemplate = resource(OPENSEARCH_RESOURCE);
  }

  void health(Context ctx) {
    IndexStats stats;
    try {
      stats = service.stats();
    } catch (RuntimeException e) {
      throw new ApiException(503, "unavailable", "The index cannot be read: " + e.getMessage());
    }
    ctx.json(ApiJson.Health.of(stats));
  }

  void stats(Context ctx) {
    ctx.json(service.stats());
  }

  void metrics(Context ctx) {
    ctx.contentType(HttpMetrics.CONTENT_TYPE).result(metrics.scrape());
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  /** The OpenSearch description, pointing at the address the client used to reach this server. */
  void openSearch(Context ctx) {
    String base = xmlEscape(baseUrl(ctx));
    ctx.contentType(OPENSEARCH_TYPE).result(openSearchTemplate.replace("{{baseUrl}}", base));
  }

  /** {@code scheme://host[:port]} as the client addressed this server. */
  static String baseUrl(Context ctx) {
    String host = ctx.host();
    if (host == null || host.isBlank()) host = "localhost";
    return ctx.scheme() + "://" + host;
  }

  private static String xmlEscape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static String resource(String path) {
    try (InputStream in = InfoController.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
