package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.search.GeneratedPapers;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.facet.SearchThreads;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.IndexSearcher.LeafSlice;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search whose segments are scored in slices on several threads answers exactly what one thread
 * answers: totals, hits and their order and scores, cursors, facet counts.
 */
class SlicedSearchTest {
  @TempDir static Path dir;
  private static Path index;

  @BeforeAll
  static void indexInSeveralRuns() throws Exception {
    index = dir.resolve("index");
    // One commit per run, so the index has several segments of different sizes.
    SeedIndex.index(index, SeedIndex.corpus());
    for (int batch = 1; batch <= 4; batch++) {
      Path papers =
          GeneratedPapers.write(dir.resolve("b" + batch + ".jsonl"), batch, 60 * batch, "", 25);
      SeedIndex.index(index, papers);
    }
  }

  @Test
  void segments_are_spread_over_slices_of_about_equal_size() throws Exception {
    try (Directory d = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(d, config)) {
        for (int size : new int[] {100, 50, 40, 30, 5}) {
          for (int i = 0; i < size; i++) {
            Document doc = new Document();
            doc.add(new StringField("id", size + "-" + i, StringField.Store.NO));
            w.addDocument(doc);
          }
          w.commit();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        // Largest first, each to the slice with the fewest documents: 100 | 50, 40 | +30 | +5.
        assertEquals(List.of(List.of(100, 5), List.of(50, 40, 30)), sizes(reader, 2));
        // A share of 75: the segment of 100 is cut in two halves, which go to different slices.
        assertEquals(List.of(List.of(50, 40), List.of(50, 30), List.of(50, 5)), sizes(reader, 3));
        assertEquals(List.of(List.of(100, 50, 40, 30, 5)), sizes(reader, 1));
        // A share of 29: 100 in four, 50, 40 and 30 in two each; no slice sees a segment twice.
        LeafSlice[] eight = SearchThreads.slices(reader.leaves(), 8);
        assertEquals(8, eight.length);
        int docs = 0;
        for (LeafSlice slice : eight) {
          assertEquals(
              slice.partitions.length,
              java.util.Arrays.stream(slice.partitions).map(p -> p.ctx).distinct().count());
          for (LeafReaderContextPartition p : slice.partitions) docs += size(p);
        }
        assertEquals(225, docs);
      }
    }
  }

  private static List<List<Integer>> sizes(DirectoryReader reader, int n) {
    List<List<Integer>> out = new ArrayList<>();
    for (LeafSlice slice : SearchThreads.slices(reader.leaves(), n)) {
      List<Integer> sizes = new ArrayList<>();
      for (LeafReaderContextPartition p : slice.partitions) sizes.add(size(p));
      out.add(sizes);
    }
    return out;
  }

  private static int size(LeafReaderContextPartition p) {
    return Math.min(p.maxDocId, p.ctx.reader().maxDoc()) - p.minDocId;
  }

  @Test
  void sliced_and_single_threaded_searches_answer_the_same() throws Exception {
    List<SearchRequest> requests = new ArrayList<>();
    for (String q :
        List.of(
            "learning",
            "graph model",
            "reward policy network",
            "a graph model of reward learning for vision networks",
            "\"galaxy\"",
            "vis*",
            "")) {
      requests.add(request(q, Map.of(), SortOrder.RELEVANCE, null));
      requests.add(request(q, Map.of(), SortOrder.NEWEST, null));
      requests.add(request(q, Map.of("subject", List.of("cs.LG")), SortOrder.RELEVANCE, null));
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertTrue(reader.leaves().size() >= 4, "segments: " + reader.leaves().size());
      PaperSearcher sliced = new PaperSearcher(reader, 3);
      PaperSearcher single = new PaperSearcher(reader, 1);
      assertEquals(3, sliced.timed(10_000).getSlices().length);
      assertEquals(1, single.timed(10_000).getSlices().length);
      for (SearchRequest r : requests) {
        SearchResult a = new SearchExecution(sliced, r, 10_000).run(System.nanoTime());
        SearchResult b = new SearchExecution(single, r, 10_000).run(System.nanoTime());
        assertTrue(a.total() > 0, r.query());
        assertSame(b, a, r.toString());
        // The next page through the cursor is the same too.
        if (b.nextCursor() != null) {
          SearchRequest next = request(r.query(), r.filters(), r.sort(), b.nextCursor());
          assertSame(
              new SearchExecution(single, next, 10_000).run(System.nanoTime()),
              new SearchExecution(sliced, next, 10_000).run(System.nanoTime()),
              "next of " + r);
        }
      }
    }
  }

  private static SearchRequest request(
      String q, Map<String, List<String>> filters, SortOrder sort, String cursor) {
    return new SearchRequest(q, filters, sort, 1, 10, cursor, null, false);
  }

  private static void assertSame(SearchResult expected, SearchResult actual, String what) {
    assertEquals(expected.total(), actual.total(), what);
    assertEquals(expected.hits(), actual.hits(), what);
    assertEquals(expected.facets(), actual.facets(), what);
    assertEquals(expected.nextCursor(), actual.nextCursor(), what);
    assertEquals(expected.didYouMean(), actual.didYouMean(), what);
  }
}
