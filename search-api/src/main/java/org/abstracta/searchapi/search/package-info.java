/**
 * The search seam: {@link SearchService} and the Lucene-free values it takes and returns ({@link
 * SearchRequest}, {@link SearchResult}, {@link Hit}, {@link FacetResult}, {@link Suggestion},
 * {@link IndexStats}, {@link SnapshotCounts}, {@link SortOrder}, {@link SearchMode}) and {@link
 * InvalidRequestException}. It is all the HTTP layer sees of search. The embedded index implements
 * it in {@code search.engine}, from the parts in the other sub-packages, which all may use this
 * one.
 *
 * <p>May use: the indexer's {@code model}. Never Lucene, never a sub-package, never the HTTP layer.
 */
package org.abstracta.searchapi.search;
