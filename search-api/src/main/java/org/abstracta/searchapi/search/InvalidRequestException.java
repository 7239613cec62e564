package org.abstracta.searchapi.search;

/**
 * A request the search cannot answer as asked (a bad cursor, a value out of range, a query past its
 * limits). The HTTP layer maps it to 400 {@code {"error": code, "message": message}}.
 */
public final class InvalidRequestException extends RuntimeException {
  private final String parameter;
  private final String code;

  public InvalidRequestException(String parameter, String code, String message) {
    super(message);
    this.parameter = parameter;
    this.code = code;
  }

  /** The request parameter at fault ({@code cursor}, {@code q}, {@code size}, ...). */
  public String parameter() {
    return parameter;
  }

  /** A stable machine-readable code ({@code invalid_parameter}, {@code query_too_long}, ...). */
  public String code() {
    return code;
  }
}
