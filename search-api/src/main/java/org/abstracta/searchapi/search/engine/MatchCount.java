package org.abstracta.searchapi.search.engine;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TotalHits;

/**
 * The matches of a query counted up to a limit, without scoring: exact up to it, past it the limit
 * as a lower bound ({@link TotalHits.Relation#GREATER_THAN_OR_EQUAL_TO}). A sentence matches most
 * of the index; its top results are collected with Lucene's dynamic pruning and its total counted
 * here, which stops at the limit instead of visiting (or scoring) every match.
 */
final class MatchCount {
  private MatchCount() {}

  /**
   * A search's total: for a sentence, counted up to {@link SearchExecution#SENTENCE_COUNT} (a lower
   * bound past it), else exact.
   */
  static TotalHits total(IndexSearcher searcher, Query query, boolean sentence) throws IOException {
    if (sentence) return upTo(searcher, query, SearchExecution.SENTENCE_COUNT);
    return new TotalHits(searcher.count(query), TotalHits.Relation.EQUAL_TO);
  }

  static TotalHits upTo(IndexSearcher searcher, Query query, int limit) throws IOException {
    AtomicInteger counted = new AtomicInteger();
    searcher.search(query, new Manager(counted, limit));
    return counted.get() > limit
        ? new TotalHits(limit, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO)
        : new TotalHits(counted.get(), TotalHits.Relation.EQUAL_TO);
  }

  /** Collectors that share one count and stop their segment once it passes the limit. */
  private record Manager(AtomicInteger counted, int limit)
      implements CollectorManager<Collector, Void> {
    @Override
    public Collector newCollector() {
      return new Collector() {
        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
          if (counted.get() > limit) throw new CollectionTerminatedException();
          return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {}

            @Override
            public void collect(int doc) {
              if (counted.incrementAndGet() > limit) throw new CollectionTerminatedException();
            }
          };
        }

        @Override
        public ScoreMode scoreMode() {
          return ScoreMode.COMPLETE_NO_SCORES;
        }
      };
    }

    @Override
    public Void reduce(Collection<Collector> collectors) {
      return null;
    }
  }
}
