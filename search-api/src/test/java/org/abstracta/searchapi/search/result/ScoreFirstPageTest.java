package org.abstracta.searchapi.search.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.SortOrder;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** {@link ScoreFirstPage}: the relevance sort's page, collected by score alone. */
class ScoreFirstPageTest {
  /**
   * Papers p00..p11 added in reverse id order (document numbers run against ids), over two
   * segments, each with "flow" once: p06..p11 have the same short text (they tie for "flow"), p00..
   * p05 "entropy" once to six times more (distinct scores for either word).
   */
  private static Directory index() throws Exception {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 11; i >= 0; i--) {
        Document doc = new Document();
        String id = String.format("p%02d", i);
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(id)));
        String text = "flow " + (i < 6 ? "entropy ".repeat(i + 1) : "");
        doc.add(new TextField(Fields.ABSTRACT, text + "padding words here", Field.Store.NO));
        w.addDocument(doc);
        if (i == 6) w.commit(); // two segments
      }
    }
    return dir;
  }

  private static TopFieldDocs sorted(IndexSearcher s, Query q, int n) throws Exception {
    return s.search(
        q, new TopFieldCollectorManager(ResultOrder.sort(SortOrder.RELEVANCE), n, null, 1_000));
  }

  private static List<Integer> docs(ScoreDoc[] docs) {
    List<Integer> out = new ArrayList<>();
    for (ScoreDoc d : docs) out.add(d.doc);
    return out;
  }

  @Test
  void distinct_scores_give_the_sorts_page_and_the_last_papers_id() throws Exception {
    try (Directory dir = index();
        DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      Query q = new TermQuery(new Term(Fields.ABSTRACT, "entropy"));
      for (int n = 2; n <= 7; n++) {
        TopFieldDocs fast = ScoreFirstPage.top(s, q, n, 1_000);
        TopFieldDocs sort = sorted(s, q, n);
        assertEquals(docs(sort.scoreDocs), docs(fast.scoreDocs), "n=" + n);
        assertEquals(sort.totalHits, fast.totalHits);
        if (fast.scoreDocs.length == n) {
          // The page's last paper (n - 1 of them shown): its id, as the cursor needs it.
          assertEquals(
              ((FieldDoc) sort.scoreDocs[n - 2]).fields[1],
              ((FieldDoc) fast.scoreDocs[n - 2]).fields[1]);
        }
      }
      // Most entropy first: p05 (six times), p04, ...
      assertEquals(
          new BytesRef("p05"),
          ((FieldDoc) ScoreFirstPage.top(s, q, 2, 1_000).scoreDocs[0]).fields[1]);
    }
  }

  @Test
  void ties_within_the_page_are_in_id_order_and_a_tie_across_its_end_is_left_to_the_sort()
      throws Exception {
    try (Directory dir = index();
        DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      Query flow = new TermQuery(new Term(Fields.ABSTRACT, "flow"));
      // The whole list: the sort's, ties in id order.
      TopFieldDocs sort = sorted(s, flow, 13);
      TopFieldDocs fast = ScoreFirstPage.top(s, flow, 13, 1_000);
      assertEquals(docs(sort.scoreDocs), docs(fast.scoreDocs));
      for (int i = 0; i < 12; i++) {
        FieldDoc a = (FieldDoc) sort.scoreDocs[i];
        FieldDoc b = (FieldDoc) fast.scoreDocs[i];
        if (b.fields[1] != null) assertEquals(a.fields[1], b.fields[1]);
      }
      // p06..p11 have the same text: they tie. A page ending inside that run is the sort's job.
      int firstTied = 0;
      while (!((FieldDoc) sort.scoreDocs[firstTied]).fields[1].equals(new BytesRef("p06"))) {
        firstTied++;
      }
      assertNull(ScoreFirstPage.top(s, flow, firstTied + 2, 1_000));
      assertEquals(
          List.of("p06", "p07", "p08", "p09", "p10", "p11"),
          ids(sort.scoreDocs, firstTied, firstTied + 6));
      assertEquals(
          ids(sort.scoreDocs, firstTied, firstTied + 6),
          ids(fast.scoreDocs, firstTied, firstTied + 6));
    }
  }

  private static List<String> ids(ScoreDoc[] docs, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++)
      out.add(((BytesRef) ((FieldDoc) docs[i]).fields[1]).utf8ToString());
    return out;
  }
}
