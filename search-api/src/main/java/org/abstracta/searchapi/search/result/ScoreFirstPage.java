package org.abstracta.searchapi.search.result;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.SortOrder;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * The first matches of a query in relevance order — score, then paper id ({@link ResultOrder#sort})
 * — collected by score alone, Lucene's leanest collector, which breaks ties by document number
 * instead: it skips a sorted collector's look-up of the paper id of every match that enters the
 * page. The two orders pick the same papers unless the last paper of the page ties with the next
 * match (then which of the tied papers make the page depends on their ids, and the caller collects
 * with the sort); the page's own ties are put in id order here.
 */
public final class ScoreFirstPage {
  private ScoreFirstPage() {}

  /**
   * The first {@code n} matches as {@link FieldDoc}s with the relevance sort's values (the paper id
   * filled in where ties are ordered, and for the {@code n - 1}th, the page's last paper, whose id
   * a cursor names), or null when the {@code n}th match ties with the next.
   *
   * @param totalHitsThreshold up to which the total is counted exactly, as for the sort
   */
  public static TopFieldDocs top(IndexSearcher searcher, Query query, int n, int totalHitsThreshold)
      throws IOException {
    TopDocs byScore =
        searcher.search(query, new TopScoreDocCollectorManager(n + 1, totalHitsThreshold));
    ScoreDoc[] d = byScore.scoreDocs;
    if (d.length > n && d[n - 1].score == d[n].score) return null;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FieldDoc[] page = new FieldDoc[Math.min(n, d.length)];
    for (int i = 0; i < page.length; i++) {
      page[i] = new FieldDoc(d[i].doc, d[i].score, new Object[] {d[i].score, null});
    }
    // Runs of equal scores, in id order; the rest keep their (strictly decreasing) scores' order.
    for (int from = 0; from < page.length; ) {
      int to = from + 1;
      while (to < page.length && page[to].score == page[from].score) to++;
      if (to - from > 1) {
        for (int i = from; i < to; i++) page[i].fields[1] = id(leaves, page[i].doc);
        Arrays.sort(page, from, to, Comparator.comparing(f -> (BytesRef) f.fields[1]));
      }
      from = to;
    }
    if (page.length == n && n >= 2 && page[n - 2].fields[1] == null) {
      page[n - 2].fields[1] = id(leaves, page[n - 2].doc);
    }
    return new TopFieldDocs(
        byScore.totalHits, page, ResultOrder.sort(SortOrder.RELEVANCE).getSort());
  }

  private static BytesRef id(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ID);
    if (!ids.advanceExact(doc - leaf.docBase)) return new BytesRef();
    return BytesRef.deepCopyOf(ids.lookupOrd(ids.ordValue()));
  }
}
