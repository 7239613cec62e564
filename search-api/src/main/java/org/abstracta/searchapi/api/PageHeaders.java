package org.abstracta.searchapi.api;

import io.javalin.http.Context;

/**
 * Security headers on every response. All: {@code X-Content-Type-Options: nosniff} and a {@code
 * Referrer-Policy}. The HTML pages ({@code /}, {@code /papers/{id}}, any {@code .html}) load only
 * their own script and styles and call only their own API, so their content security policy allows
 * nothing else, and {@code frame-ancestors} (which the pages' meta tag cannot carry) with {@code
 * X-Frame-Options} keeps them out of other sites' frames. API and error responses get a policy that
 * allows nothing at all (JSON is never a document). {@code /embed.js} is meant to be loaded by
 * other sites, so it is marked cross-origin and carries no framing or policy headers; nor do the
 * pages' own script and styles.
 *
 * <p>Registered as a before-handler: {@code cfg.routes.before(PageHeaders::before);}; Jetty's own
 * error responses get the same through {@link JsonErrorHandler}.
 */
public final class PageHeaders {
  /** The policy the pages satisfy (the same as their meta tag, plus frame-ancestors). */
  public static final String PAGE_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /** The policy of everything that is not a page: JSON, text, errors. */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

  private PageHeaders() {}

  static void before(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", REFERRER_POLICY);
    String path = ctx.path();
    if (path.equals("/embed.js")) {
      // Any site may load the box's script (a plain <script src>, no credentials).
      ctx.header("Cross-Origin-Resource-Policy", "cross-origin");
      return;
    }
    if (isAsset(path)) return;
    ctx.header("Content-Security-Policy", isPage(path) ? PAGE_POLICY : API_POLICY);
    ctx.header("X-Frame-Options", "DENY");
  }

  /** The HTML pages: {@code /}, {@code /papers/…}, and any {@code .html} file. */
  static boolean isPage(String path) {
    return path.equals("/") || path.startsWith("/papers/") || path.endsWith(".html");
  }

  /** The pages' own script and styles. */
  static boolean isAsset(String path) {
    return path.endsWith(".js") || path.endsWith(".css");
  }
}
