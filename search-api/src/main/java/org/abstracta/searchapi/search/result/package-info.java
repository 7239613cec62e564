/**
 * From matched documents to the API's hits: {@link HitFactory} builds each {@code Hit} with
 * highlighted {@link Snippets} and, when asked, {@link HitExplainer}'s words on its score; {@link
 * ResultOrder} sorts the results and writes and reads the cursor that resumes them.
 *
 * <p>May use: {@code search.query} (analysis, the parsed query, weights), the top {@code search}
 * package, the indexer's {@code schema} and {@code model}. Never facet, rank, suggest or engine,
 * never the HTTP layer.
 */
package org.abstracta.searchapi.search.result;
