package org.abstracta.searchapi.search;

/**
 * How much work one query may ask for. Past a limit the request fails with {@link
 * InvalidRequestException} on parameter {@code q} (HTTP 400), except the time budget, which ends
 * the search early and flags the result {@code partial}.
 */
final class QueryLimits {
  /** Characters of query text. */
  static final int MAX_QUERY_LENGTH = 1_000;

  /** Words and phrases (each phrase word counts) in one query. */
  static final int MAX_CLAUSES = 64;

  /** Nesting of parentheses. */
  static final int MAX_DEPTH = 16;

  /** A prefix ({@code reinforc*}) matches at most this many distinct words, the most frequent. */
  static final int MAX_PREFIX_EXPANSIONS = 128;

  /** Distinct words a prefix may span before it is too broad to answer ({@code a*}). */
  static final int MAX_PREFIX_SCAN = 50_000;

  /** Fuzzy terms ({@code word~2}) allow at most this many edits (Lucene's own limit). */
  static final int MAX_FUZZY_EDITS = 2;

  /** A fuzzy term matches at most this many distinct words, the closest. */
  static final int MAX_FUZZY_EXPANSIONS = 50;

  /** Proximity ({@code "a b"~N}) above this is read as this. */
  static final int MAX_SLOP = 20;

  /** Time budget of one search; past it the result is returned as {@code partial}. */
  static final long TIME_BUDGET_MS = 2_000;

  private QueryLimits() {}

  static InvalidRequestException tooMuch(String code, String message) {
    return new InvalidRequestException("q", code, message);
  }
}
