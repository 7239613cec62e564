/**
 * Ranking past one run of the query: pseudo-relevance feedback for sentences ({@link Feedback}),
 * which confines its added words to the first results with {@link DocSetQuery}. The weights are
 * {@code search.query.Relevance}, beside the queries that carry them.
 *
 * <p>May use: {@code search.query}, {@code search.facet} (to search under the request's filters),
 * the top {@code search} package, the indexer's {@code schema} and {@code model}. Never result,
 * suggest or engine, never the HTTP layer.
 */
package org.abstracta.searchapi.search.rank;
