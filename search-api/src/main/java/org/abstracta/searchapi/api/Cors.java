package org.abstracta.searchapi.api;

import io.javalin.http.Context;
import java.util.Set;

/**
 * CORS for the read-only API: any origin by default, else the configured list. A preflight from an
 * allowed origin is answered 204 with the methods the API has (GET, HEAD); a request from another
 * origin is answered as usual but without CORS headers, so the browser withholds it.
 *
 * <p>Javalin's bundled plugin is not used: it echoes any requested method as allowed and turns a
 * request from an unlisted origin into a 400 that still carries the normal body.
 */
final class Cors {
  static final String ALLOW_METHODS = "GET, HEAD";
  static final String MAX_AGE_SECONDS = "86400";

  private final boolean anyOrigin;
  private final Set<String> origins;

  Cors(ApiConfig config) {
    this.anyOrigin = config.anyOrigin();
    this.origins = Set.copyOf(config.corsOrigins().stream().map(Cors::normalize).toList());
  }

  /** Runs before every request: adds CORS headers, and answers OPTIONS itself. */
  void before(Context ctx) {
    String origin = ctx.header("Origin");
    boolean allowed = origin != null && (anyOrigin || origins.contains(normalize(origin)));
    if (allowed) {
      ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
      if (!anyOrigin) ctx.header("Vary", "Origin");
    }
    if (!ctx.method().name().equals("OPTIONS")) return;
    if (allowed && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
      String headers = ctx.header("Access-Control-Request-Headers");
      if (headers != null && !headers.isBlank()) {
        ctx.header("Access-Control-Allow-Headers", headers);
      }
      ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }
    ctx.header("Allow", ErrorMapping.ALLOWED_METHODS);
    ctx.status(204);
    ctx.skipRemainingHandlers();
  }

  private static String normalize(String origin) {
    String o = origin.strip().toLowerCase(java.util.Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
