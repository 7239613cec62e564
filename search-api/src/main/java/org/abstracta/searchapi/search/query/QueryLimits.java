package org.abstracta.searchapi.search.query;

import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.apache.lucene.search.IndexSearcher;

/**
 * How much work one query may ask for. Past a limit the request fails with {@link
 * InvalidRequestException} on parameter {@code q} (HTTP 400), except the time budget, which ends
 * the search early and flags the result {@code partial}.
 *
 * <p>The counts keep every query Lucene runs under {@link IndexSearcher#getMaxClauseCount()} (1024
 * leaf clauses, after prefixes and fuzzy words are expanded), which it would otherwise refuse with
 * an exception: at most {@link #MAX_QUERY_LEAVES} from the query text (64 words, each in three
 * fields and the id, counted twice for the all-words bonus; fuzzy words sharing {@link
 * #FUZZY_EXPANSION_BUDGET} expansions) plus at most {@link #MAX_FILTER_VALUES} per filter. A
 * sentence's feedback ({@link org.abstracta.searchapi.search.rank.Feedback}) adds {@link
 * Relevance#FEEDBACK_TERMS} words and one document set; a sentence has no all-words bonus, so it
 * stays far below the limit with them.
 */
public final class QueryLimits {
  /** Characters of query text. */
  public static final int MAX_QUERY_LENGTH = 1_000;

  /** Words and phrases (each phrase word counts) in one query. */
  public static final int MAX_CLAUSES = 64;

  /** Nesting of parentheses. */
  public static final int MAX_DEPTH = 16;

  /** A prefix ({@code reinforc*}) matches at most this many distinct words, the most frequent. */
  public static final int MAX_PREFIX_EXPANSIONS = 128;

  /** Distinct words a prefix may span before it is too broad to answer ({@code a*}). */
  public static final int MAX_PREFIX_SCAN = 50_000;

  /** Prefixes ({@code word*}) in one query: each may scan {@link #MAX_PREFIX_SCAN} words. */
  public static final int MAX_PREFIX_WORDS = 8;

  /**
   * Expansions all prefixes of one query share, over their fields: one prefix gets {@link
   * #MAX_PREFIX_EXPANSIONS} per field, eight get 16. (A prefix is one clause however many words it
   * expands to, but each word is a posting list to read.)
   */
  public static final int PREFIX_EXPANSION_BUDGET = 384;

  /** Fuzzy terms ({@code word~2}) allow at most this many edits (Lucene's own limit). */
  public static final int MAX_FUZZY_EDITS = 2;

  /** A fuzzy term matches at most this many distinct words, the closest. */
  public static final int MAX_FUZZY_EXPANSIONS = 40;

  /**
   * Expansions all fuzzy words of one query share, over their fields: one fuzzy word gets {@link
   * #MAX_FUZZY_EXPANSIONS} per field, four get 10. Each expansion is a clause.
   */
  public static final int FUZZY_EXPANSION_BUDGET = 120;

  /** Fuzzy words in one query (each walks the term dictionary with an automaton). */
  public static final int MAX_FUZZY_WORDS = 4;

  /**
   * A fuzzy word longer than this is matched without edits: the automaton's cost grows with the
   * word, and no real word is this long.
   */
  public static final int MAX_FUZZY_LENGTH = 32;

  /** Proximity ({@code "a b"~N}) above this is read as this. */
  public static final int MAX_SLOP = 20;

  /** Leaf clauses of the query built from the text (expanded fuzzy words included). */
  public static final int MAX_QUERY_LEAVES = 880;

  /** Values of one filter ({@code subject=…&subject=…}) in one request. */
  public static final int MAX_FILTER_VALUES = SearchRequest.MAX_FILTER_VALUES;

  /** Default time budget of one search; past it the result is returned as {@code partial}. */
  public static final long TIME_BUDGET_MS = 2_000;

  private QueryLimits() {}

  public static InvalidRequestException tooMuch(String code, String message) {
    return new InvalidRequestException("q", code, message);
  }
}
