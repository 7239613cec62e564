package org.abstracta.searchapi.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One retrieved document of a ranking: its BEIR id and the score the system gave it.
 *
 * @param score as the system computed it (a Lucene float, widened exactly)
 */
public record ScoredDoc(String docId, double score) {

  /**
   * trec_eval's order of a run: score descending, equal scores by document id descending (it sorts
   * with {@code strcmp(b, a)} on equal scores), whatever order the system listed them in. Metrics
   * are computed on this order, so they equal trec_eval's on the run file this order is written in.
   */
  public static final Comparator<ScoredDoc> TREC_ORDER =
      Comparator.comparingDouble(ScoredDoc::score)
          .reversed()
          .thenComparing(ScoredDoc::docId, Comparator.reverseOrder());

  /** {@code docs} in {@link #TREC_ORDER}. */
  public static List<ScoredDoc> trecOrder(List<ScoredDoc> docs) {
    List<ScoredDoc> sorted = new ArrayList<>(docs);
    sorted.sort(TREC_ORDER);
    return sorted;
  }
}
