/**
 * The query language: the text a user typed to the Lucene query that answers it. {@link
 * UserQueryParser} reads the text ({@link QueryLexer}, then {@link QuerySyntax} into {@link
 * QueryNode}s) and builds the query with {@link TextQueries} (words, phrases, prefixes, fuzzy
 * words, analyzed by {@link TextAnalysis} as the index analyzes them) and {@link StructuredQueries}
 * (subject, year, id), within {@link QueryLimits}. {@link Relevance}, every ranking weight, lives
 * here because the queries built here carry the weights. {@link RecoveryOptions} lists the searches
 * with one change that a search finding nothing offers, each counted by the engine.
 *
 * <p>May use: the top {@code search} package, the indexer's {@code schema}, {@code model} and
 * {@code text}. Never another {@code search} sub-package, never the HTTP layer.
 */
package org.abstracta.searchapi.search.query;
