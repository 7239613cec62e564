package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.abstracta.searchapi.search.ParityIndex;
import org.abstracta.searchapi.search.facet.SearchThreads;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TotalHits.Relation;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * {@link MatchCount} over three segments, searched one after the other and side by side in
 * partitions of segments: exact up to the limit, the limit as a lower bound past it.
 */
class MatchCountTest {
  @Test
  void counts_exactly_up_to_the_limit_and_past_it_gives_the_limit_as_a_lower_bound()
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      ParityIndex.write(dir);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(3, reader.leaves().size());
        IndexSearcher oneByOne = new IndexSearcher(reader);
        IndexSearcher sideBySide =
            new IndexSearcher(reader, threads) {
              @Override
              protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return SearchThreads.slices(leaves, 4); // each segment in two partitions
              }
            };
        for (IndexSearcher s : List.of(oneByOne, sideBySide)) {
          Query even = new TermQuery(new Term("parity", "even"));
          assertEquals(new TotalHits(15, Relation.EQUAL_TO), count(s, even, 100));
          assertEquals(new TotalHits(15, Relation.EQUAL_TO), count(s, even, 15));
          assertEquals(new TotalHits(14, Relation.GREATER_THAN_OR_EQUAL_TO), count(s, even, 14));
          assertEquals(new TotalHits(3, Relation.GREATER_THAN_OR_EQUAL_TO), count(s, even, 3));
          Query none = new TermQuery(new Term("parity", "none"));
          assertEquals(new TotalHits(0, Relation.EQUAL_TO), count(s, none, 10));
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static TotalHits count(IndexSearcher s, Query q, int limit) throws IOException {
    return MatchCount.upTo(s, q, limit);
  }
}
