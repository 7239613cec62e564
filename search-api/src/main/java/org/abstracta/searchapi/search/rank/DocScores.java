package org.abstracta.searchapi.search.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The scores a query gives a few known documents, found by stepping the query's scorer to each of
 * them. A search of the query filtered to those documents can walk the query's postings through the
 * whole index (Lucene scores a disjunction with a filter in windows of documents): for a sentence
 * and a hundred documents, milliseconds instead of microseconds.
 */
public final class DocScores {
  private DocScores() {}

  /**
   * @param docs top-level document ids of the searcher's reader, any order
   * @return the score of each of {@code docs} that {@code query} matches
   */
  public static Map<Integer, Float> of(IndexSearcher searcher, Query query, int[] docs)
      throws IOException {
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    Map<Integer, Float> out = new HashMap<>();
    int i = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      int end = leaf.docBase + leaf.reader().maxDoc();
      Scorer scorer = i < sorted.length && sorted[i] < end ? weight.scorer(leaf) : null;
      TwoPhaseIterator twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
      DocIdSetIterator it =
          scorer == null ? null : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
      for (; i < sorted.length && sorted[i] < end; i++) {
        if (it == null) continue;
        int doc = sorted[i] - leaf.docBase;
        if (it.docID() < doc) it.advance(doc);
        if (it.docID() == doc && (twoPhase == null || twoPhase.matches())) {
          out.put(sorted[i], scorer.score());
        }
      }
    }
    return out;
  }
}
