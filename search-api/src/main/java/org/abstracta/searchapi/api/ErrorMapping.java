package org.abstracta.searchapi.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: {@code {"error": code, "message": …}} with a 4xx
 * for anything the client sent, and a 500 without details (logged here, with its stack trace) only
 * for the server's own faults.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /** The methods every API route answers; anything else is 405. */
  static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(
        InvalidRequestException.class,
        (e, ctx) -> send(ctx, 400, e.code(), e.getMessage(), e.parameter()));
    routes.exception(
        ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage(), null));
    routes.exception(
        ServiceUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          ctx.header("Retry-After", "5");
          send(ctx, 503, "unavailable", e.getMessage(), null);
        });
    routes.exception(HttpResponseException.class, ErrorMapping::javalin);
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (isClientInput(e)) {
            send(ctx, 400, "bad_request", "The request could not be read: " + oneLine(e), null);
            return;
          }
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          send(
              ctx,
              500,
              "internal_error",
              "The server failed to answer this request; the failure is logged.",
              null);
        });
  }

  /** Javalin's own responses: no route (404), wrong method (405), and the like. */
  private static void javalin(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    switch (status) {
      case 404 -> send(ctx, 404, "not_found", "No such resource: " + ctx.path(), null);
      case 405 -> {
        ctx.header("Allow", ALLOWED_METHODS);
        send(
            ctx,
            405,
            "method_not_allowed",
            ctx.method() + " is not allowed on " + ctx.path() + "; use GET",
            null);
      }
      default -> {
        HttpStatus known = HttpStatus.forStatus(status);
        String code =
            known == HttpStatus.UNKNOWN
                ? "error"
                : known.getMessage().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        send(ctx, status, code, e.getMessage(), null);
      }
    }
  }

  static void send(Context ctx, int status, String code, String message, String parameter) {
    ctx.status(status).json(new ApiJson.Error(code, message, parameter));
  }

  /** Failures reading what the client sent (bad percent-encoding, a malformed request line). */
  private static boolean isClientInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      if (name.equals("org.eclipse.jetty.http.BadMessageException")
          || name.equals("org.eclipse.jetty.http.HttpException$IllegalArgumentException")
          || name.equals("org.eclipse.jetty.http.HttpException$RuntimeException")) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }
}
