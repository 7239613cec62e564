package org.abstracta.searchapi.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated search request, free of HTTP: what {@code GET /api/search} and {@code abstracta
 * search} turn their parameters into.
 *
 * @param query the user's query text (may be empty: all documents); never rejected for syntax
 * @param filters facet filters: dimension ({@code subject}, {@code year}, {@code author}, {@code
 *     type}, {@code source}, {@code hasCode}) to values; OR within a dimension, AND across; a year
 *     value may be a range {@code 2019..2023}
 * @param sort result order
 * @param page 1-based page (ignored when {@code cursor} is given)
 * @param size hits per page, 0..{@link #MAX_SIZE}; 0 for the total and facets only
 * @param cursor opaque deep-paging cursor from a previous result's {@code nextCursor}, or null
 * @param facets dimensions to count; null counts all, empty counts none
 * @param explain add a readable explanation of each hit's score
 * @param autocorrect show a respelled query's results when the query as typed finds (nearly)
 *     nothing and the respelling finds far more; false keeps the query as typed
 * @param mode how to rank ({@link SearchMode}); null for the default, chosen per query
 */
public record SearchRequest(
    String query,
    Map<String, List<String>> filters,
    SortOrder sort,
    int page,
    int size,
    String cursor,
    Set<String> facets,
    boolean explain,
    boolean autocorrect,
    SearchMode mode) {
  public static final int MAX_SIZE = 100;
  public static final int DEFAULT_SIZE = 10;

  /** The deepest page reachable with {@code page}; deeper needs {@code cursor}. */
  public static final int MAX_PAGE_DEPTH = 10_000;

  /** Values one filter may list (OR-ed): each is a clause of the query. */
  public static final int MAX_FILTER_VALUES = 20;

  public SearchRequest {
    query = query == null ? "" : query;
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    if (facets != null) facets = Set.copyOf(facets);
  }

  /** A request in the default mode. */
  public SearchRequest(
      String query,
      Map<String, List<String>> filters,
      SortOrder sort,
      int page,
      int size,
      String cursor,
      Set<String> facets,
      boolean explain,
      boolean autocorrect) {
    this(query, filters, sort, page, size, cursor, facets, explain, autocorrect, null);
  }

  /** A request that corrects spelling ({@code autocorrect}), as the API does by default. */
  public SearchRequest(
      String query,
      Map<String, List<String>> filters,
      SortOrder sort,
      int page,
      int size,
      String cursor,
      Set<String> facets,
      boolean explain) {
    this(query, filters, sort, page, size, cursor, facets, explain, true);
  }

  /** This request in {@code m} (null: the default). */
  public SearchRequest withMode(SearchMode m) {
    return new SearchRequest(
        query, filters, sort, page, size, cursor, facets, explain, autocorrect, m);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(
        query, Map.of(), SortOrder.RELEVANCE, 1, DEFAULT_SIZE, null, null, false);
  }
}
