package org.abstracta.searchapi.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total exact number of matching documents
 * @param tookMs time spent searching
 * @param hits this page's hits, best first
 * @param facets counted dimensions, in {@code Facets.ALL} order
 * @param nextCursor cursor for the next page, or null after the last
 * @param didYouMean a respelled query that finds more, when this one finds little; else null
 * @param partial the query ran out of its time budget: hits and counts are incomplete
 */
public record SearchResult(
    long total,
    double tookMs,
    List<Hit> hits,
    List<FacetResult> facets,
    String nextCursor,
    String didYouMean,
    boolean partial) {}
