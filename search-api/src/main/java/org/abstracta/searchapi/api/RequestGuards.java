package org.abstracta.searchapi.api;

import io.javalin.http.Context;
import java.util.Set;

/**
 * What no route of this read-only service accepts, refused before routing, for every path (API,
 * pages, static files, unknown paths alike): a method other than GET, HEAD or OPTIONS is 405 with
 * {@code Allow}; a request carrying a body is 413. Limits Jetty enforces itself before a request
 * reaches the app — request line and headers at most {@link #MAX_HEADER_BYTES} (414 for a longer
 * URI, 431 for larger headers) — are set in {@link AppFactory}.
 *
 * <p>Registered as a before-handler after CORS and the security headers, so refusals carry them.
 */
final class RequestGuards {
  /** Request line plus headers, in bytes (Jetty's default, stated). */
  static final int MAX_HEADER_BYTES = 8 * 1024;

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private RequestGuards() {}

  static void before(Context ctx) {
    String method = ctx.req().getMethod();
    if (!READ_METHODS.contains(method)) {
      ctx.header("Allow", ErrorMapping.ALLOWED_METHODS);
      throw new ApiException(
          405, "method_not_allowed", method + " is not allowed on " + ctx.path() + "; use GET");
    }
    if (hasBody(ctx)) {
      throw new ApiException(
          413,
          "payload_too_large",
          "requests to this service carry no body; send parameters in the URL");
    }
  }

  private static boolean hasBody(Context ctx) {
    if (ctx.header("Transfer-Encoding") != null) return true;
    String length = ctx.header("Content-Length");
    if (length == null) return false;
    try {
      return Long.parseLong(length.strip()) > 0;
    } catch (NumberFormatException e) {
      return true; // Jetty refuses a malformed length first; count anything else as a body
    }
  }
}
