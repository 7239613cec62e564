package org.abstracta.searchapi.search.vector;

import java.io.IOException;
import java.util.Map;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Papers like a given one by meaning: the papers whose vectors are nearest to its vector, itself
 * left out. A paper without a vector has none here (the caller falls back to more-like-this).
 */
public final class SimilarByMeaning {
  private SimilarByMeaning() {}

  /** The vector of document {@code doc} in {@code field}, or null when it has none. */
  public static float[] vectorOf(IndexSearcher searcher, VectorField field, int doc)
      throws IOException {
    var leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Map<String, float[]> vectors = PaperDocuments.vectors(leaf.reader(), doc - leaf.docBase);
    return vectors.get(field.field());
  }

  /**
   * The {@code size} papers nearest to {@code vector} but the paper {@code id}, nearest first, each
   * scored by its cosine similarity.
   */
  public static ScoreDoc[] find(
      IndexSearcher searcher, VectorField field, float[] vector, String id, int size)
      throws IOException {
    BooleanQuery others =
        new BooleanQuery.Builder()
            .add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
            .add(new TermQuery(PaperDocuments.idTerm(id)), Occur.MUST_NOT)
            .build();
    ScoreDoc[] docs = NearestPapers.find(searcher, field, vector, size, others).docs();
    for (ScoreDoc sd : docs) sd.score = NearestPapers.similarity(sd.score);
    return docs;
  }
}
