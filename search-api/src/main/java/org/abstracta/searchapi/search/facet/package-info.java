/**
 * Facets: a request's filters as drill-downs ({@link FacetFilters}) and the counts of each
 * dimension over a query's hits ({@link FacetCounter}), from ordinals read once per index snapshot:
 * {@link FacetOrdinals} over {@link FacetValueSets} for the small dimensions, {@link
 * AuthorOrdinals} over {@link DocOrdinals} and {@link AuthorNames} for authors. The snapshot's
 * searcher, {@link PaperSearcher}, is here because it reads and holds those ordinals; {@link
 * SearchThreads} are the threads its slices and the counting share.
 *
 * <p>May use: {@code search.query} (structured clauses, limits), the top {@code search} package,
 * the indexer's {@code schema} and {@code text}. Never rank, result, suggest or engine, never the
 * HTTP layer.
 */
package org.abstracta.searchapi.search.facet;
