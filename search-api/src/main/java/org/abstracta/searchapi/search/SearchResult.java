package org.abstracta.searchapi.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total number of matching documents: exact, or with {@code totalExact} false a lower bound
 *     (a sentence matches most of the index; counting it exactly would mean scoring every paper)
 * @param totalExact whether {@code total} is exact
 * @param tookMs time spent searching
 * @param hits this page's hits, best first
 * @param facets counted dimensions, in {@code Facets.ALL} order
 * @param nextCursor cursor for the next page, or null after the last
 * @param didYouMean a respelled query that finds more, when this one finds little; else null
 * @param partial the query ran out of its time budget: hits and counts are incomplete
 * @param matched how the words matched
 * @param correctedQuery the respelled query whose results these are, when the query as typed found
 *     (nearly) nothing; else null
 * @param queryFilters the filters typed in the query, applied like the request's
 * @param recovery when nothing is found: the searches with one change that would find something
 *     ({@link RecoveryOption}); else empty
 * @param mode how the results were ranked: the mode asked for, the default chosen for the query, or
 *     keyword when the index (or the model) cannot rank by meaning
 * @param modeNote why the results were ranked otherwise than the request asked (no vectors in the
 *     index, no words to embed, the model failed); else null
 */
public record SearchResult(
    long total,
    boolean totalExact,
    double tookMs,
    List<Hit> hits,
    List<FacetResult> facets,
    String nextCursor,
    String didYouMean,
    boolean partial,
    Matched matched,
    String correctedQuery,
    List<QueryFilter> queryFilters,
    List<RecoveryOption> recovery,
    SearchMode mode,
    String modeNote) {

  public SearchResult {
    recovery = recovery == null ? List.of() : List.copyOf(recovery);
    mode = mode == null ? SearchMode.KEYWORD : mode;
  }

  /** This result with {@code options} to recover from finding nothing. */
  public SearchResult withRecovery(List<RecoveryOption> options) {
    return new SearchResult(
        total,
        totalExact,
        tookMs,
        hits,
        facets,
        nextCursor,
        didYouMean,
        partial,
        matched,
        correctedQuery,
        queryFilters,
        options,
        mode,
        modeNote);
  }

  /** How the query's words matched the results. */
  public enum Matched {
    /** Every word (keywords, or a query without words). */
    ALL,
    /** No paper has all the keywords: these have most of them. */
    SOME,
    /** A sentence: a ranked OR of its words. */
    RANKED
  }
}
