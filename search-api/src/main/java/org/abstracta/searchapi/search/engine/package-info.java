/**
 * The embedded engine: {@link IndexSearchService}, the {@code SearchService} over an index
 * directory. {@link IndexRefresher} keeps the served snapshot current; {@link SearchExecution} runs
 * one request on one snapshot: parse, feed back, filter, collect, count facets, build hits,
 * respell; {@link MeaningSearch} collects a semantic or hybrid search in the mode {@link ModePlan}
 * chose. {@link Recovery} counts, for a search that found nothing, the searches with one change
 * that {@code query.RecoveryOptions} lists.
 *
 * <p>May use: every other {@code search} package, the indexer's {@code schema}, {@code model} and
 * {@code embed}. Nothing in {@code search} uses it; never the HTTP layer.
 */
package org.abstracta.searchapi.search.engine;
