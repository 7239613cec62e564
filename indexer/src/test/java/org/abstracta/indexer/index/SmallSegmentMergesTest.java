package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SmallSegmentMerges}: the small segments of a run merged into one, the large left. */
class SmallSegmentMergesTest {
  @Test
  void the_small_segments_become_one_and_the_large_one_stays(@TempDir Path dir) throws Exception {
    try (Directory d = IndexWriterFactory.open(dir);
        IndexWriter w = IndexWriterFactory.writer(d, true)) {
      add(w, 0, 2_000); // the large segment
      w.commit();
      for (int batch = 0; batch < 4; batch++) {
        add(w, 2_000 + batch * 3, 3);
        w.commit();
      }
      add(w, 2_012, 1_000); // a tenth of the large one or more: not small
      w.updateDocument(new Term("id", "p5"), doc(5)); // a delete in the large one
      w.commit();
      List<SegmentCommitInfo> before = segments(d);
      assertEquals(List.of(2_000, 3, 3, 3, 3, 1_001), maxDocs(before));

      SmallSegmentMerges.mergeAndCommit(w, false);

      List<SegmentCommitInfo> after = segments(d);
      assertEquals(List.of(2_000, 12, 1_001), maxDocs(after)); // merged where its first part was
      assertEquals(before.get(0).info.name, after.get(0).info.name);
      assertEquals(before.get(5).info.name, after.get(2).info.name);
      try (DirectoryReader r = DirectoryReader.open(d)) {
        assertEquals(3_012, r.numDocs());
        IndexSearcher s = new IndexSearcher(r);
        assertEquals(1, s.count(new TermQuery(new Term("id", "p2011"))));
        assertEquals(1, s.count(new TermQuery(new Term("id", "p5"))));
      }

      SmallSegmentMerges.mergeAndCommit(w, false); // one small segment left: nothing to do
      assertEquals(false, w.hasUncommittedChanges());
      assertEquals(maxDocs(after), maxDocs(segments(d)));
    }
  }

  @Test
  void after_a_run_that_wrote_most_of_the_index_it_becomes_one_segment(@TempDir Path dir)
      throws Exception {
    try (Directory d = IndexWriterFactory.open(dir);
        IndexWriter w = IndexWriterFactory.writer(d, true)) {
      add(w, 0, 2_000);
      w.commit();
      add(w, 2_000, 1_500);
      w.commit();
      add(w, 3_500, 3);
      w.commit();
      assertEquals(List.of(2_000, 1_500, 3), maxDocs(segments(d)));

      SmallSegmentMerges.mergeAndCommit(w, true);

      assertEquals(List.of(3_503), maxDocs(segments(d)));
      try (DirectoryReader r = DirectoryReader.open(d)) {
        assertEquals(3_503, r.numDocs());
        assertEquals(1, new IndexSearcher(r).count(new TermQuery(new Term("id", "p3502"))));
      }
      // Afterwards the writer merges only small segments again.
      add(w, 3_503, 3);
      w.commit();
      add(w, 3_506, 3);
      w.commit();
      SmallSegmentMerges.mergeAndCommit(w, false);
      assertEquals(List.of(3_503, 6), maxDocs(segments(d)));
    }
  }

  @Test
  void only_the_factorys_writers_merge_this_way(@TempDir Path dir) throws Exception {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      assertThrows(
          IllegalArgumentException.class, () -> SmallSegmentMerges.mergeAndCommit(w, false));
    }
  }

  private static void add(IndexWriter w, int first, int count) throws Exception {
    for (int i = first; i < first + count; i++) w.addDocument(doc(i));
  }

  private static Document doc(int i) {
    Document doc = new Document();
    doc.add(new StringField("id", "p" + i, Field.Store.NO));
    doc.add(new TextField("abstract", "paper number " + i + " about merging", Field.Store.NO));
    return doc;
  }

  private static List<SegmentCommitInfo> segments(Directory d) throws Exception {
    List<SegmentCommitInfo> out = new ArrayList<>();
    for (SegmentCommitInfo s : SegmentInfos.readLatestCommit(d)) out.add(s);
    return out;
  }

  private static List<Integer> maxDocs(List<SegmentCommitInfo> segments) {
    return segments.stream().map(s -> s.info.maxDoc()).toList();
  }
}
