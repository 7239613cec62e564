package org.abstracta.searchapi.search.facet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.abstracta.indexer.schema.Facets;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The array-based counting ({@link AuthorOrdinals}, {@link FacetOrdinals}) gives exactly what
 * Lucene's {@code SortedSetDocValuesFacetCounts} gives — values, counts and order, ties included —
 * over a multi-segment index with deleted documents.
 */
class FacetOrdinalsTest {
  private static final String[] AUTHORS = new String[40];
  private static final String[][] SUBJECTS = {
    {"cs", "cs.LG"},
    {"cs", "cs.AI"},
    {"cs", "cs.CL"},
    {"math", "math.PR"},
    {"astro-ph", "astro-ph.GA"}
  };
  private static Directory dir;

  @BeforeAll
  static void index() throws IOException {
    for (int i = 0; i < AUTHORS.length; i++) AUTHORS[i] = "Author " + (char) ('A' + i % 26) + i;
    dir = new ByteBuffersDirectory();
    Random random = new Random(42);
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int id = 0; id < 600; id++) {
        Document doc = new Document();
        doc.add(new StringField("id", "d" + id, Field.Store.NO));
        doc.add(new StringField("word", "w" + random.nextInt(4), Field.Store.NO));
        int authors = random.nextInt(5); // some papers have none
        for (int a = 0; a < authors; a++) {
          doc.add(
              new SortedSetDocValuesFacetField(
                  Facets.AUTHOR, AUTHORS[(int) Math.abs(random.nextGaussian() * 12) % 40]));
        }
        // Authors of one paper and of two, which the first counting pass leaves out.
        if (id % 3 == 0) doc.add(new SortedSetDocValuesFacetField(Facets.AUTHOR, "Solo " + id));
        if (id % 5 == 0) {
          doc.add(new SortedSetDocValuesFacetField(Facets.AUTHOR, "Pair " + id / 10));
        }
        String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        doc.add(new SortedSetDocValuesFacetField(Facets.SUBJECT, subject));
        doc.add(new SortedSetDocValuesFacetField(Facets.YEAR, "" + (2015 + random.nextInt(8))));
        doc.add(
            new SortedSetDocValuesFacetField(
                Facets.TYPE, random.nextInt(9) == 0 ? "talk" : "paper"));
        w.addDocument(Facets.config().build(doc));
        if (id % 150 == 149) w.commit(); // several segments, so ordinals need mapping
        if (id % 7 == 0 && id > 0) w.deleteDocuments(new Term("id", "d" + (id - 3)));
      }
    }
  }

  @Test
  void author_counts_match_lucene_for_every_query() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(4, reader.leaves().size());
      PaperSearcher searcher = new PaperSearcher(reader);
      var state =
          new DefaultSortedSetDocValuesReaderState(reader, Facets.AUTHOR_FIELD, Facets.config());
      // All hits down to a 20th of them as the first pass's paper count.
      List<AuthorOrdinals> firstPasses = new ArrayList<>();
      for (int hitsPerPaper : new int[] {1, 3, 20}) {
        firstPasses.add(AuthorOrdinals.build(reader, state, hitsPerPaper));
      }
      for (Query q : queries()) {
        FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
        for (int top : new int[] {1, 3, 10, 50}) {
          var lucene =
              new SortedSetDocValuesFacetCounts(state, hits).getTopChildren(top, Facets.AUTHOR);
          List<LabelAndValue> expected = lucene == null ? List.of() : List.of(lucene.labelValues);
          // Counted in one part, or in several side by side and added up.
          for (int parts : new int[] {1, 2, 3}) {
            assertEquals(
                expected,
                searcher.authorOrdinals().top(hits, top, List.of(), parts),
                q + " top " + top + " in " + parts);
          }
          // A first pass over the prolific authors only, final or followed by a second.
          for (AuthorOrdinals firstPass : firstPasses) {
            assertEquals(expected, firstPass.top(hits, top, List.of(), 2), q + " top " + top);
          }
        }
      }
    }
  }

  @Test
  void selected_authors_follow_the_top_ones_with_their_counts() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      PaperSearcher searcher = new PaperSearcher(reader);
      FacetsCollector hits =
          searcher.search(MatchAllDocsQuery.INSTANCE, new FacetsCollectorManager());
      List<LabelAndValue> top1 = searcher.authorOrdinals().top(hits, 1, List.of());
      String first = top1.get(0).label;
      List<String> selected = List.of(first, AUTHORS[39], "Nobody", "Solo 33");
      List<LabelAndValue> withSelected = searcher.authorOrdinals().top(hits, 1, selected);
      assertEquals(withSelected, searcher.authorOrdinals().top(hits, 1, selected, 2));
      var state =
          new DefaultSortedSetDocValuesReaderState(reader, Facets.AUTHOR_FIELD, Facets.config());
      var lucene = new SortedSetDocValuesFacetCounts(state, hits);
      Number last = lucene.getSpecificValue(Facets.AUTHOR, AUTHORS[39]);
      assertEquals(
          List.of(
              top1.get(0),
              new LabelAndValue(AUTHORS[39], last.intValue() < 0 ? 0 : last.intValue()),
              new LabelAndValue("Nobody", 0),
              new LabelAndValue("Solo 33", 1)),
          withSelected);
    }
  }

  @Test
  void an_author_tied_with_the_last_after_the_first_pass_is_found_by_the_second()
      throws IOException {
    // Zed has 5 papers, 2 of them hits; Amy has 2, both hits. With the first pass taking authors
    // of at least as many papers as there are hits (4), only Zed is counted; the list (top 1) is
    // full at 2 < 4, so the second pass adds the authors of at least 2 papers: Amy ties at 2 and
    // comes first by name, as in Lucene's counts.
    try (Directory small = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(small, new IndexWriterConfig(new StandardAnalyzer()))) {
        String[][] papers = {
          {"Zed", "hit"},
          {"Zed", "hit"},
          {"Zed", "miss"},
          {"Zed", "miss"},
          {"Zed", "miss"},
          {"Amy", "hit"},
          {"Amy", "hit"},
          {"Bea", "miss"}
        };
        for (String[] p : papers) {
          Document doc = new Document();
          doc.add(new StringField("word", p[1], Field.Store.NO));
          doc.add(new SortedSetDocValuesFacetField(Facets.AUTHOR, p[0]));
          w.addDocument(Facets.config().build(doc));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(small)) {
        PaperSearcher searcher = new PaperSearcher(reader);
        var state =
            new DefaultSortedSetDocValuesReaderState(reader, Facets.AUTHOR_FIELD, Facets.config());
        FacetsCollector hits =
            searcher.search(new TermQuery(new Term("word", "hit")), new FacetsCollectorManager());
        List<LabelAndValue> amy = List.of(new LabelAndValue("Amy", 2));
        assertEquals(
            amy,
            List.of(
                new SortedSetDocValuesFacetCounts(state, hits)
                    .getTopChildren(1, Facets.AUTHOR)
                    .labelValues));
        assertEquals(amy, AuthorOrdinals.build(reader, state, 1).top(hits, 1, List.of()));
      }
    }
  }

  @Test
  void snapshot_totals_leave_deleted_papers_out_as_lucene_does() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      assertTrue(reader.numDeletedDocs() > 0, "the index has deleted papers");
      PaperSearcher searcher = new PaperSearcher(reader);
      int all = reader.maxDoc(); // at least as many as any dimension has values
      FacetsCollector everything =
          searcher.search(MatchAllDocsQuery.INSTANCE, new FacetsCollectorManager());
      var small = new DefaultSortedSetDocValuesReaderState(reader, Facets.FIELD, Facets.config());
      var lucene = new SortedSetDocValuesFacetCounts(small, everything);
      FacetOrdinals.Counts totals = searcher.facetOrdinals().all();
      for (String dim : new String[] {Facets.SUBJECT, Facets.YEAR, Facets.TYPE}) {
        assertEquals(
            List.of(lucene.getTopChildren(all, dim).labelValues), totals.top(all, dim), dim);
      }
      var authors =
          new DefaultSortedSetDocValuesReaderState(reader, Facets.AUTHOR_FIELD, Facets.config());
      List<LabelAndValue> expected =
          new ArrayList<>(
              List.of(
                  new SortedSetDocValuesFacetCounts(authors, everything)
                      .getTopChildren(all, Facets.AUTHOR)
                      .labelValues));
      expected.sort(Comparator.comparing((LabelAndValue lv) -> lv.label));
      List<LabelAndValue> mine = new ArrayList<>(searcher.authorOrdinals().all());
      mine.sort(Comparator.comparing((LabelAndValue lv) -> lv.label));
      assertEquals(expected, mine);
    }
  }

  @Test
  void subject_year_and_type_counts_match_lucene() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      PaperSearcher searcher = new PaperSearcher(reader);
      var state = new DefaultSortedSetDocValuesReaderState(reader, Facets.FIELD, Facets.config());
      for (Query q : queries()) {
        FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
        var lucene = new SortedSetDocValuesFacetCounts(state, hits);
        FacetOrdinals.Counts mine = searcher.facetOrdinals().count(hits);
        for (String[] path :
            new String[][] {
              {Facets.SUBJECT}, {Facets.SUBJECT, "cs"}, {Facets.YEAR}, {Facets.TYPE}
            }) {
          String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
          for (int top : new int[] {1, 2, 20}) {
            var expected = lucene.getTopChildren(top, path[0], rest);
            assertEquals(
                expected == null ? List.of() : List.of(expected.labelValues),
                mine.top(top, path[0], rest),
                q + " " + String.join("/", path) + " top " + top);
          }
        }
        assertEquals(
            lucene.getSpecificValue(Facets.SUBJECT, "cs").intValue(),
            mine.value(Facets.SUBJECT, "cs"));
        assertEquals(0, mine.value(Facets.YEAR, "1999"));
      }
    }
  }

  @Test
  void counts_in_parts_add_up_to_the_whole_count() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      PaperSearcher searcher = new PaperSearcher(reader);
      FacetOrdinals ordinals = searcher.facetOrdinals();
      for (Query q : queries()) {
        FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
        FacetOrdinals.Counts whole = ordinals.count(hits);
        for (int parts : new int[] {2, 3, 7}) {
          List<int[]> counted = new ArrayList<>();
          for (int p = 0; p < parts; p++) counted.add(ordinals.countPart(hits, p, parts));
          FacetOrdinals.Counts summed = ordinals.sum(counted);
          for (String[] path :
              new String[][] {
                {Facets.SUBJECT}, {Facets.SUBJECT, "cs"}, {Facets.YEAR}, {Facets.TYPE}
              }) {
            String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
            assertEquals(
                whole.top(20, path[0], rest), summed.top(20, path[0], rest), q + " in " + parts);
          }
        }
      }
    }
  }

  private static List<Query> queries() {
    List<Query> out = new ArrayList<>();
    out.add(MatchAllDocsQuery.INSTANCE);
    for (int w = 0; w < 4; w++) out.add(new TermQuery(new Term("word", "w" + w)));
    out.add(new TermQuery(new Term("word", "absent")));
    // Few hits: the top lists hold authors of one paper.
    out.add(new TermQuery(new Term("id", "d30")));
    BooleanQuery.Builder some = new BooleanQuery.Builder();
    for (int id = 0; id < 40; id += 3) {
      some.add(new TermQuery(new Term("id", "d" + id)), BooleanClause.Occur.SHOULD);
    }
    out.add(some.build());
    return out;
  }
}
