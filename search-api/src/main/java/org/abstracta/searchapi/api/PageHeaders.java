package org.abstracta.searchapi.api;

import io.javalin.http.Context;

/**
 * Security headers for what a browser renders: the search page ({@code /}), the paper page ({@code
 * /papers/{id}}) and the other static files. The pages load only their own script and styles and
 * call only their own API, so the content security policy allows nothing else; {@code
 * frame-ancestors} (which the pages' meta tag cannot carry) keeps them out of other sites' frames.
 * {@code /embed.js} is meant to be loaded by other sites, so it is marked cross-origin.
 *
 * <p>Registered as a before-handler: {@code cfg.routes.before(PageHeaders::before);}.
 */
public final class PageHeaders {
  /** The policy the pages satisfy (the same as their meta tag, plus frame-ancestors). */
  public static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private PageHeaders() {}

  static void before(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    String path = ctx.path();
    if (path.equals("/embed.js")) {
      // Any site may load the box's script (a plain <script src>, no credentials).
      ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
      return;
    }
    if (isPage(path)) {
      ctx.header("Content-Security-Policy", PAGE_POLICY);
      ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
      ctx.header("X-Frame-Options", "DENY");
    }
  }

  /** The HTML pages: {@code /}, {@code /papers/…}, and any {@code .html} file. */
  static boolean isPage(String path) {
    return path.equals("/") || path.startsWith("/papers/") || path.endsWith(".html");
  }
}
