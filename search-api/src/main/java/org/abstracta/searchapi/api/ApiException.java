package org.abstracta.searchapi.api;

/**
 * An HTTP-level failure a handler throws (unknown paper, method not allowed, service unavailable);
 * {@link ErrorMapping} turns it into {@code {"error": code, "message": message}}. Bad parameters
 * are {@link org.abstracta.searchapi.search.InvalidRequestException}s instead.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
