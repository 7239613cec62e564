package org.abstracta.searchapi.search;

/**
 * The store behind the service cannot answer now (an OpenSearch cluster that is down or has no
 * index yet). The HTTP layer maps it to 503 {@code {"error": "unavailable", "message": message}}.
 */
public final class ServiceUnavailableException extends RuntimeException {
  public ServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
