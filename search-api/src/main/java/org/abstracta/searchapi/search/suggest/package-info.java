/**
 * Help beside the results: completions of what a user is typing ({@link Completions}), "did you
 * mean" ({@link SpellingCorrector}) and papers like a given one ({@link SimilarPapers}).
 *
 * <p>May use: {@code search.query}, {@code search.facet} (the snapshot's searcher and author
 * names), the top {@code search} package, the indexer's {@code schema} and {@code model}. Never
 * rank, result or engine, never the HTTP layer.
 */
package org.abstracta.searchapi.search.suggest;
