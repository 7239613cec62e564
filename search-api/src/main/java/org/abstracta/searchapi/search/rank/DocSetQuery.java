package org.abstracta.searchapi.search.rank;

import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches a fixed set of documents of one index snapshot, by their top-level ids, with a constant
 * score: {@link Feedback} confines its added words to a sentence's first results with it, so they
 * cost a look-up in those documents only, not a pass over their postings.
 */
final class DocSetQuery extends Query {
  private final IndexReader reader;
  private final int[] docs;

  /**
   * @param reader the snapshot the ids belong to; searching another reader is a bug
   * @param docs top-level document ids of {@code reader}, any order
   */
  DocSetQuery(IndexReader reader, int[] docs) {
    this.reader = reader;
    this.docs = docs.clone();
    Arrays.sort(this.docs);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader() != reader) {
      throw new IllegalStateException("a document set searched in another index snapshot");
    }
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext leaf) {
        int from = lowerBound(leaf.docBase);
        int to = lowerBound(leaf.docBase + leaf.reader().maxDoc());
        if (from == to) return null;
        DocIdSetIterator it = new Iterator(docs, from, to, leaf.docBase);
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, it));
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return false; // one set per request: caching it would only evict useful entries
      }
    };
  }

  /** The index of the first id at or above {@code doc}. */
  private int lowerBound(int doc) {
    int i = Arrays.binarySearch(docs, doc);
    return i >= 0 ? i : -i - 1;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "DocSetQuery(" + docs.length + " documents)";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && reader == ((DocSetQuery) other).reader
        && Arrays.equals(docs, ((DocSetQuery) other).docs);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + Arrays.hashCode(docs);
  }

  /** The ids {@code docs[from..to)} of one leaf, as leaf ids. */
  private static final class Iterator extends DocIdSetIterator {
    private final int[] docs;
    private final int from;
    private final int to;
    private final int base;
    private int i;
    private int doc = -1;

    Iterator(int[] docs, int from, int to, int base) {
      this.docs = docs;
      this.from = from;
      this.to = to;
      this.base = base;
      this.i = from - 1;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return doc = ++i < to ? docs[i] - base : NO_MORE_DOCS;
    }

    @Override
    public int advance(int target) {
      while (++i < to) {
        if (docs[i] - base >= target) return doc = docs[i] - base;
      }
      return doc = NO_MORE_DOCS;
    }

    @Override
    public long cost() {
      return to - from;
    }
  }
}
