/**
 * The OpenSearch backend: {@link OpenSearchSearchService}, the {@code SearchService} over an
 * OpenSearch index that {@code abstracta index --opensearch} wrote. {@link QueryMapper} translates
 * the query language (the {@code query} package's parse tree) to the Query DSL with {@link Dsl}'s
 * builders; {@link OpenSearchFilters} and {@link OpenSearchFacets} lay out the filters and count
 * the facets as aggregations (sources named by {@link SourceLabels}); {@link Similar} picks similar
 * papers' terms as Lucene's MoreLikeThis does.
 *
 * <p>May use: {@code query}, {@code facet} (labels, prefix listing), {@code rank} (feedback words),
 * {@code result} (hits, cursor), {@code suggest} (spelling, completions), the top {@code search}
 * package, the indexer's {@code opensearch}, {@code schema}, {@code model} and {@code text}.
 * Nothing in {@code search} uses it; never the HTTP layer.
 */
package org.abstracta.searchapi.search.opensearch;
