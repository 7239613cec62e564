package org.abstracta.searchapi.search.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.abstracta.searchapi.search.ParityIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** {@link DocSetQuery} over an index of three segments: exactly its documents, in any leaf. */
class DocSetQueryTest {
  @Test
  void matches_exactly_its_documents_across_segments_alone_and_in_a_conjunction()
      throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      ParityIndex.write(dir);
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(3, reader.leaves().size());
        IndexSearcher searcher = new IndexSearcher(reader);
        Query set = new DocSetQuery(reader, new int[] {29, 12, 3, 13, 20});
        assertEquals(Arrays.asList(3, 12, 13, 20, 29), docs(searcher, set));
        Query evenInSet =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term("parity", "even")), Occur.MUST)
                .add(set, Occur.FILTER)
                .build();
        assertEquals(Arrays.asList(12, 20), docs(searcher, evenInSet));
        assertEquals(0, searcher.count(new DocSetQuery(reader, new int[0])));

        try (DirectoryReader other = DirectoryReader.open(dir)) {
          assertThrows(IllegalStateException.class, () -> new IndexSearcher(other).count(set));
        }
      }
    }
  }

  private static List<Integer> docs(IndexSearcher searcher, Query q) throws IOException {
    return Arrays.stream(searcher.search(q, 100).scoreDocs).map(sd -> sd.doc).sorted().toList();
  }
}
