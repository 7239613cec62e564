package org.abstracta.searchapi.search.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void ties_within_the_page_and_across_its_end_are_in_id_order() throws Exception {
    try (Directory dir = index();
        DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      Query flow = new TermQuery(new Term(Fields.ABSTRACT, "flow"));
      // The whole list: the sort's, ties in id order.
      TopFieldDocs sort = sorted(s, flow, 13);
      // p06..p11 have the same text: they tie, and their documents run against their ids.
      int firstTied = 0;
      while (!((FieldDoc) sort.scoreDocs[firstTied]).fields[1].equals(new BytesRef("p06"))) {
        firstTied++;
      }
      assertEquals(
          List.of("p06", "p07", "p08", "p09", "p10", "p11"),
          ids(sort.scoreDocs, firstTied, firstTied + 6));
      // Every page length, pages ending inside the run of ties included: the sort's page, with
      // the ids of the ordered ties and of the page's last paper.
      for (int n = 1; n <= 13; n++) {
        TopFieldDocs page = sorted(s, flow, n);
        TopFieldDocs fast = ScoreFirstPage.top(s, flow, n, 1_000);
        assertEquals(docs(page.scoreDocs), docs(fast.scoreDocs), "n=" + n);
        assertEquals(page.totalHits, fast.totalHits, "n=" + n);
        for (int i = 0; i < fast.scoreDocs.length; i++) {
          FieldDoc a = (FieldDoc) page.scoreDocs[i];
          FieldDoc b = (FieldDoc) fast.scoreDocs[i];
          assertEquals(a.fields[0], b.fields[0]);
          boolean cursor = i == n - 2 && fast.scoreDocs.length == n; // a next page exists
          if (b.fields[1] != null || cursor) assertEquals(a.fields[1], b.fields[1]);
        }
      }
      // A page that ends inside the run takes the tied papers with the first ids.
      assertEquals(
          List.of("p06", "p07", "p08"),
          ids(
              ScoreFirstPage.top(s, flow, firstTied + 3, 1_000).scoreDocs,
              firstTied,
              firstTied + 3));
      // Several slices side by side gather the tied papers the same way.
      try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
        IndexSearcher sliced =
            new IndexSearcher(r, pool) {
              @Override
              protected LeafSlice[] slices(List<org.apache.lucene.index.LeafReaderContext> l) {
                return slices(l, 1, 1, false);
              }
            };
        assertEquals(2, sliced.getSlices().length);
        for (int m = 1; m <= 13; m++) {
          assertEquals(
              docs(sorted(s, flow, m).scoreDocs),
              docs(ScoreFirstPage.top(sliced, flow, m, 1_000).scoreDocs),
              "sliced n=" + m);
        }
      }
    }
  }

  @Test
  void a_run_of_ties_longer_than_the_margin_is_gathered_by_a_second_pass() throws Exception {
    // More identical papers than the first pass collects past the page, ids against documents.
    int papers = ScoreFirstPage.TIE_MARGIN + 20;
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (int i = papers - 1; i >= 0; i--) {
          Document doc = new Document();
          doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(String.format("c%03d", i))));
          doc.add(new TextField(Fields.ABSTRACT, "flow copies", Field.Store.NO));
          w.addDocument(doc);
          if (i == papers / 2) w.commit(); // two segments
        }
        Document other = new Document(); // one paper above the run
        other.add(new SortedDocValuesField(Fields.ID, new BytesRef("z")));
        other.add(new TextField(Fields.ABSTRACT, "flow", Field.Store.NO));
        w.addDocument(other);
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        Query flow = new TermQuery(new Term(Fields.ABSTRACT, "flow"));
        for (int n = 1; n <= 8; n++) {
          TopFieldDocs fast = ScoreFirstPage.top(s, flow, n, 1_000);
          assertEquals(docs(sorted(s, flow, n).scoreDocs), docs(fast.scoreDocs), "n=" + n);
        }
        // "z" first (shorter), then the copies with the first ids, though their documents come
        // last.
        TopFieldDocs page = ScoreFirstPage.top(s, flow, 4, 1_000);
        assertEquals(papers, page.scoreDocs[0].doc); // "z", added last
        assertEquals(List.of("c000", "c001", "c002"), ids(page.scoreDocs, 1, 4));
      }
    }
  }

  private static List<String> ids(ScoreDoc[] docs, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++)
      out.add(((BytesRef) ((FieldDoc) docs[i]).fields[1]).utf8ToString());
    return out;
  }
}
