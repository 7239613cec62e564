package org.abstracta.searchapi.search.result;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.SortOrder;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * The first matches of a query in relevance order — score, then paper id ({@link ResultOrder#sort})
 * — collected by score alone, Lucene's leanest collector, which breaks ties by document number
 * instead: it skips a sorted collector's look-up of the paper id of every match that enters the
 * page. The two orders pick the same papers unless the last paper of the page ties with the next
 * match; then the page takes the tied papers with the first ids. They are usually all among a few
 * more matches collected past the page (which costs next to nothing: the pruning threshold is the
 * same), else a second pass, pruned to their score, gathers them. The page's own ties are put in id
 * order.
 */
public final class ScoreFirstPage {
  /**
   * Matches collected past the page, so that a run of ties across its end is usually seen whole
   * (copies of one paper from several sources tie, as do papers matched only by the same words of
   * equally long fields).
   */
  static final int TIE_MARGIN = 32;

  private ScoreFirstPage() {}

  /**
   * The first {@code n} matches as {@link FieldDoc}s with the relevance sort's values (the paper id
   * filled in where ties are ordered, and for the {@code n - 1}th, the page's last paper, whose id
   * a cursor names).
   *
   * @param totalHitsThreshold up to which the total is counted exactly, as for the sort
   */
  public static TopFieldDocs top(IndexSearcher searcher, Query query, int n, int totalHitsThreshold)
      throws IOException {
    int collected = n + 1 + TIE_MARGIN;
    TopDocs byScore =
        searcher.search(query, new TopScoreDocCollectorManager(collected, totalHitsThreshold));
    ScoreDoc[] d = byScore.scoreDocs;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FieldDoc[] page;
    if (d.length > n && d[n - 1].score == d[n].score) {
      // Every tied match is collected when the list ends below their score or holds every match.
      boolean allSeen = d.length < collected || d[d.length - 1].score < d[n].score;
      page = withTiesById(searcher, query, d, n, allSeen, leaves);
    } else {
      page = new FieldDoc[Math.min(n, d.length)];
      for (int i = 0; i < page.length; i++) page[i] = fieldDoc(d[i].doc, d[i].score, null);
    }
    // Runs of equal scores, in id order; the rest keep their (strictly decreasing) scores' order.
    for (int from = 0; from < page.length; ) {
      int to = from + 1;
      while (to < page.length && page[to].score == page[from].score) to++;
      if (to - from > 1) {
        for (int i = from; i < to; i++) {
          if (page[i].fields[1] == null) page[i].fields[1] = id(leaves, page[i].doc);
        }
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

  /**
   * The page when its last place ties with the next match ({@code d}, the first matches by score,
   * {@code n + 1} or more): the matches scored above the tie, then the matches with the tied score
   * in id order, to {@code n} in all. {@code allSeen}: {@code d} holds every tied match, else a
   * second pass finds them.
   */
  private static FieldDoc[] withTiesById(
      IndexSearcher searcher,
      Query query,
      ScoreDoc[] d,
      int n,
      boolean allSeen,
      List<LeafReaderContext> leaves)
      throws IOException {
    float tie = d[n].score;
    List<FieldDoc> page = new ArrayList<>(n);
    for (int i = 0; i < n && d[i].score > tie; i++) page.add(fieldDoc(d[i].doc, d[i].score, null));
    List<Integer> tiedDocs = new ArrayList<>();
    if (allSeen) {
      for (ScoreDoc sd : d) if (sd.score == tie) tiedDocs.add(sd.doc);
    } else {
      tiedDocs = searcher.search(query, new ScoredExactly(tie));
    }
    List<FieldDoc> tied = new ArrayList<>();
    for (int doc : tiedDocs) tied.add(fieldDoc(doc, tie, id(leaves, doc)));
    tied.sort(Comparator.comparing(f -> (BytesRef) f.fields[1]));
    for (FieldDoc f : tied) {
      if (page.size() == n) break;
      page.add(f);
    }
    return page.toArray(FieldDoc[]::new);
  }

  /**
   * The documents scored exactly {@code score}, gathered in a pass that tells the scorers no lower
   * score competes (Lucene's dynamic pruning then skips most of the other matches).
   */
  private record ScoredExactly(float score)
      implements CollectorManager<ScoredExactly.Tied, List<Integer>> {
    @Override
    public Tied newCollector() {
      return new Tied(score);
    }

    @Override
    public List<Integer> reduce(Collection<Tied> collectors) {
      List<Integer> docs = new ArrayList<>();
      for (Tied c : collectors) docs.addAll(c.docs);
      return docs;
    }

    /** One slice's documents with the score. */
    static final class Tied implements Collector {
      private final float score;
      private final List<Integer> docs = new ArrayList<>();

      Tied(float score) {
        this.score = score;
      }

      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) {
        int base = context.docBase;
        return new LeafCollector() {
          private Scorable scorer;

          @Override
          public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            scorer.setMinCompetitiveScore(score);
          }

          @Override
          public void collect(int doc) throws IOException {
            if (scorer.score() == score) docs.add(base + doc);
          }
        };
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
      }
    }
  }

  private static FieldDoc fieldDoc(int doc, float score, BytesRef id) {
    return new FieldDoc(doc, score, new Object[] {score, id});
  }

  private static BytesRef id(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ID);
    if (!ids.advanceExact(doc - leaf.docBase)) return new BytesRef();
    return BytesRef.deepCopyOf(ids.lookupOrd(ids.ordValue()));
  }
}
