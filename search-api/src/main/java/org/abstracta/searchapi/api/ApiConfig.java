package org.abstracta.searchapi.api;

import java.util.Arrays;
import java.util.List;

/**
 * How the HTTP layer behaves, independent of where it listens.
 *
 * @param corsOrigins origins allowed to call the API from a browser ({@code *} for any): the
 *     read-only API is meant to be embedded on other sites
 * @param logRequests log one line per request (method, path, status, milliseconds)
 */
public record ApiConfig(List<String> corsOrigins, boolean logRequests) {

  public ApiConfig {
    corsOrigins =
        corsOrigins == null || corsOrigins.isEmpty() ? List.of("*") : List.copyOf(corsOrigins);
  }

  /** Any origin, request logging on. */
  public static ApiConfig defaults() {
    return new ApiConfig(List.of("*"), true);
  }

  /** The origins in a comma-separated list such as {@code https://a.org,https://b.org}. */
  public static List<String> parseOrigins(String list) {
    if (list == null || list.isBlank()) return List.of("*");
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Whether every origin may call the API. */
  public boolean anyOrigin() {
    return corsOrigins.contains("*");
  }
}
