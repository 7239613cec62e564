package org.abstracta.searchapi.search.vector;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The papers nearest to a vector among those that pass a filter: Lucene's filtered HNSW search
 * ({@link KnnFloatVectorQuery} with the request's filters and drill-downs as its filter, so the
 * {@code k} found all pass them; a filter that leaves few papers is searched exactly).
 *
 * @param query matches exactly the papers found, each scored as the vector search scored it: to
 *     count facets over them, or to join them to the keyword matches
 * @param docs the papers found, nearest first; {@link #similarity} turns their scores into cosines
 */
public record NearestPapers(Query query, ScoreDoc[] docs) {

  /**
   * The {@code k} papers of {@code field} nearest to {@code vector} that match {@code filter}
   * (null: every paper).
   */
  public static NearestPapers find(
      IndexSearcher searcher, VectorField field, float[] vector, int k, Query filter)
      throws IOException {
    Query knn = new KnnFloatVectorQuery(field.field(), vector, k, filter);
    // Rewriting runs the search: the result is a query over the k documents and their scores.
    Query found = searcher.rewrite(knn);
    return new NearestPapers(found, searcher.search(found, k).scoreDocs);
  }

  /**
   * The cosine similarity of a hit scored {@code score} (Lucene scores a dot product (1+cos)/2).
   */
  public static float similarity(float score) {
    return 2 * score - 1;
  }
}
