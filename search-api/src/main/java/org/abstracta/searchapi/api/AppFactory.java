package org.abstracta.searchapi.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Locale;
import org.abstracta.indexer.model.PaperJson;
import org.abstracta.indexer.model.Source;
import org.abstracta.searchapi.search.SearchService;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTTP service over a {@link SearchService}, unstarted: the caller (or a test) chooses
 * host and port and starts it. The handlers only parse and validate parameters into request records
 * and write the records they get back as JSON; errors are thrown and mapped in {@link
 * ErrorMapping}.
 */
public final class AppFactory {
  private static final Logger LOG = LoggerFactory.getLogger("org.abstracta.searchapi.http");

  /** Every route this app answers, as registered (the OpenAPI test checks each is described). */
  public static final List<String> API_ROUTES =
      List.of(
          "/api/search",
          "/api/papers/{id}",
          "/api/papers/{id}/similar",
          "/api/suggest",
          "/api/facets/{facet}",
          "/api/stats",
          "/health",
          "/metrics",
          "/openapi.json",
          "/opensearch.xml");

  /** The icon of the pages, also answered at {@code /favicon.ico}. */
  static final String FAVICON = "/public/favicon.svg";

  private AppFactory() {}

  public static Javalin create(SearchService service, ApiConfig config) {
    HttpMetrics metrics = new HttpMetrics(service);
    SearchController search = new SearchController(service);
    PaperController papers = new PaperController(service);
    InfoController info = new InfoController(service, metrics);
    return Javalin.create(
        cfg -> {
          server(cfg);
          cfg.routes.before(new Cors(config)::before);
          cfg.routes.before(PageHeaders::before);
          cfg.routes.before(RequestGuards::before);
          cfg.requestLogger.http((ctx, ms) -> logged(ctx, ms, metrics, config.logRequests()));
          ErrorMapping.register(cfg.routes);
          RoutesConfig r = cfg.routes;
          get(r, "/api/search", search::search);
          // <id> (unlike {id}) spans slashes: hep-ph/0701001, 10.1000/xyz. "similar" first, so an
          // id never swallows the /similar suffix.
          get(r, "/api/papers/<id>/similar", papers::similar);
          get(r, "/api/papers/<id>", papers::paper);
          get(r, "/api/suggest", search::suggest);
          get(r, "/api/facets/{facet}", search::facetValues);
          get(r, "/api/stats", info::stats);
          get(r, "/health", info::health);
          get(r, "/metrics", info::metrics);
          get(r, "/openapi.json", info::openApi);
          get(r, "/opensearch.xml", info::openSearch);
          pages(cfg);
        });
  }

  private static void server(JavalinConfig cfg) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.jsonMapper(
        new JavalinJackson(
            PaperJson.mapper().copy().addMixIn(Source.class, ApiJson.SourceLabel.class), false));
    // A wrong method on a known path is 405 (with Allow), not 404.
    cfg.http.prefer405over404 = true;
    cfg.router.ignoreTrailingSlashes = true;
    cfg.jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
          http.setSendDateHeader(true);
          // Request line and headers together: a longer URI is 414, larger headers 431.
          http.setRequestHeaderSize(RequestGuards.MAX_HEADER_BYTES);
          // Let an id with a slash be sent percent-encoded (/api/papers/hep-ph%2F0701001).
          http.setUriCompliance(
              UriCompliance.DEFAULT.with(
                  "abstracta-ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        });
    cfg.jetty.modifyServletContextHandler(
        handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
  }

  /**
   * The search page and embed script, when the module ships them (static files on the class path).
   */
  private static void pages(JavalinConfig cfg) {
    if (AppFactory.class.getResource("/public") != null) {
      cfg.staticFiles.add(
          files -> {
            files.hostedPath = "/";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
          });
    }
    // Browsers ask for /favicon.ico whatever the page links: the same icon, so no page logs a 404.
    if (AppFactory.class.getResource(FAVICON) != null) {
      get(
          cfg.routes,
          "/favicon.ico",
          ctx ->
              ctx.contentType("image/svg+xml")
                  .header("Cache-Control", "max-age=86400")
                  .result(AppFactory.class.getResourceAsStream(FAVICON)));
    }
    // The paper page is the search page's own view of one paper, when the page provides one.
    String paperPage =
        AppFactory.class.getResource("/public/paper.html") != null
            ? "/public/paper.html"
            : AppFactory.class.getResource("/public/index.html") != null
                ? "/public/index.html"
                : null;
    if (paperPage != null) {
      get(
          cfg.routes,
          "/papers/<id>",
          ctx ->
              ctx.contentType("text/html; charset=utf-8")
                  .result(AppFactory.class.getResourceAsStream(paperPage)));
    }
  }

  /** A GET route that also answers HEAD (same headers, no body). */
  private static void get(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  private static void logged(Context ctx, Float ms, HttpMetrics metrics, boolean log) {
    float millis = ms == null ? 0f : ms;
    metrics.record(ctx, route(ctx), millis);
    if (log) {
      String query = ctx.queryString();
      String path = query == null ? ctx.path() : ctx.path() + "?" + query;
      if (path.length() > 300) path = path.substring(0, 300) + "…";
      LOG.info(
          String.format(
              Locale.ROOT, "%s %s %d %.1f ms", ctx.method(), path, ctx.statusCode(), millis));
    }
  }

  /** The matched route's template, for metrics; never the raw path (unbounded). */
  private static String route(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      if (endpoint != null && endpoint.path != null && !endpoint.path.isEmpty()) {
        return endpoint.path;
      }
    } catch (RuntimeException e) {
      // No endpoint matched: a static file, or nothing.
    }
    return ctx.statusCode() >= 400 ? "unmatched" : "static";
  }
}
