/**
 * Search by meaning, the query side: the query's vector from the indexer's embedding model ({@link
 * QueryVectors}, one shared model, loaded on the first query that needs it), the model's vectors in
 * a snapshot ({@link VectorField}), the nearest papers under a request's filters ({@link
 * NearestPapers}), the fusion of the keyword and vector rankings ({@link Fusion}) and papers like a
 * given one by their vectors ({@link SimilarByMeaning}).
 *
 * <p>May use: {@code search.facet} (the snapshot's searcher, the filters), {@code search.query},
 * the top {@code search} package, the indexer's {@code embed}, {@code schema} and {@code model}.
 * Never rank, result, suggest or engine, never the HTTP layer.
 */
package org.abstracta.searchapi.search.vector;
