package org.abstracta.searchapi.search.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AllWordsQuery} ranks exactly as Lucene's conjunction of per-word disjunctions: the same
 * documents, in the same order, with the same float scores, whether every match is scored or the
 * page is pruned, under filters, over deletions, several windows, several segments and segments cut
 * into partitions — with words from every third paper down to one in 200, so that words are read in
 * bulk and looked up per match.
 */
class AllWordsQueryTest {
  /** Words and the share of papers that have them (in title, abstract or authors). */
  private static final String[] WORDS = {"model", "data", "graph", "spin", "lensing", "quasar"};

  private static final double[] SHARE = {0.6, 0.35, 0.15, 0.05, 0.02, 0.005};
  private static final String[] FILLER = {"the", "of", "we", "show", "new", "study", "results"};

  private static Directory dir;
  private static DirectoryReader reader;
  private static ExecutorService pool;

  @BeforeAll
  static void index() throws Exception {
    dir = new ByteBuffersDirectory();
    Random random = new Random(7);
    IndexWriterConfig config =
        new IndexWriterConfig(new WhitespaceAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int id = 0; id < 11_000; id++) {
        Document doc = new Document();
        doc.add(new StringField("id", "p" + id, Field.Store.NO));
        doc.add(new StringField("kind", id % 3 == 0 ? "talk" : "paper", Field.Store.NO));
        doc.add(new TextField("title", text(random, 2 + random.nextInt(8), 0.3), Field.Store.NO));
        doc.add(
            new TextField("abstract", text(random, 10 + random.nextInt(60), 1), Field.Store.NO));
        doc.add(
            new TextField("authors", text(random, 1 + random.nextInt(3), 0.05), Field.Store.NO));
        w.addDocument(doc);
        if (id == 6_999) w.commit(); // segments of 7,000 (two windows) and 4,000 documents
        if (id % 97 == 0) w.deleteDocuments(new Term("id", "p" + (id / 2)));
      }
    }
    reader = DirectoryReader.open(dir);
    pool = Executors.newFixedThreadPool(2);
  }

  /** {@code n} words: each vocabulary word with its share (scaled), else filler. */
  private static String text(Random random, int n, double scale) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String word = FILLER[random.nextInt(FILLER.length)];
      for (int v = 0; v < WORDS.length; v++) {
        if (random.nextDouble() < SHARE[v] * scale / Math.sqrt(n)) word = WORDS[v];
      }
      words.add(word);
    }
    return String.join(" ", words);
  }

  @AfterAll
  static void close() throws Exception {
    pool.shutdown();
    reader.close();
    dir.close();
  }

  /** A word as the parser builds it: its term in title (boosted), abstract and authors. */
  private static Query word(String w) {
    return new BooleanQuery.Builder()
        .add(new BoostQuery(new TermQuery(new Term("title", w)), 2f), Occur.SHOULD)
        .add(new TermQuery(new Term("abstract", w)), Occur.SHOULD)
        .add(new BoostQuery(new TermQuery(new Term("authors", w)), 1.5f), Occur.SHOULD)
        .build();
  }

  private static Query allOf(boolean talksOnly, String... words) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : words) b.add(word(w), Occur.MUST);
    if (talksOnly) b.add(new TermQuery(new Term("kind", "talk")), Occur.FILTER);
    return b.build();
  }

  private static List<Query> queries() {
    List<Query> out = new ArrayList<>();
    for (int a = 0; a < WORDS.length; a++) {
      for (int b = a + 1; b < WORDS.length; b++) {
        out.add(allOf(false, WORDS[a], WORDS[b]));
        out.add(allOf(true, WORDS[b], WORDS[a]));
        for (int c = b + 1; c < WORDS.length; c++)
          out.add(allOf(false, WORDS[a], WORDS[b], WORDS[c]));
      }
    }
    // Words nested under a filter, as the facet filters wrap a query.
    out.add(
        new BooleanQuery.Builder()
            .add(allOf(false, "model", "spin"), Occur.MUST)
            .add(new TermQuery(new Term("kind", "talk")), Occur.FILTER)
            .build());
    // The rarest word alone in the title, with two common words.
    out.add(
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("title", "quasar")), Occur.MUST)
            .add(word("model"), Occur.MUST)
            .add(word("data"), Occur.MUST)
            .build());
    return out;
  }

  private static IndexSearcher[] searchers() {
    IndexSearcher one = new IndexSearcher(reader);
    // Each segment cut in two partitions, scored side by side.
    IndexSearcher partitioned =
        new IndexSearcher(reader, pool) {
          @Override
          protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            return slices(leaves, 1_000, 1, true);
          }
        };
    one.setQueryCache(null);
    partitioned.setQueryCache(null);
    return new IndexSearcher[] {one, partitioned};
  }

  @Test
  void ranks_every_query_as_lucene_does() throws Exception {
    int bulk = 0;
    for (IndexSearcher searcher : searchers()) {
      for (Query q : queries()) {
        Query words = AllWordsQuery.of(q, true);
        assertInstanceOf(AllWordsQuery.class, words, q.toString());
        if (searcher.createWeight(words, ScoreMode.TOP_SCORES, 1f).getQuery() == words) bulk++;
        // Every match scored, and the first ten with Lucene's pruning.
        for (int threshold : new int[] {Integer.MAX_VALUE, 10}) {
          TopDocs expected = searcher.search(q, new TopScoreDocCollectorManager(100, threshold));
          TopDocs actual = searcher.search(words, new TopScoreDocCollectorManager(100, threshold));
          assertEquals(ranking(expected), ranking(actual), q + " threshold " + threshold);
          if (threshold == Integer.MAX_VALUE) {
            assertEquals(expected.totalHits, actual.totalHits, q.toString());
          }
        }
      }
    }
    assertEquals(2 * queries().size(), bulk); // all of them bulk-scored
  }

  /** Documents and their scores, in order, as text (to compare floats exactly). */
  private static List<String> ranking(TopDocs top) {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : top.scoreDocs) out.add(d.doc + ":" + Float.floatToIntBits(d.score));
    return out;
  }

  @Test
  void the_fixture_has_the_words_it_needs() throws Exception {
    IndexSearcher s = new IndexSearcher(reader);
    // From a word in most papers to one in a handful: bulk reads and per-match look-ups.
    assertEquals(2, reader.leaves().size());
    long model = s.count(word("model"));
    long quasar = s.count(word("quasar"));
    assertEquals(true, model > reader.numDocs() / 3, "model in " + model);
    assertEquals(true, quasar > 10 && quasar < reader.numDocs() / 20, "quasar in " + quasar);
  }

  @Test
  void a_rare_word_or_a_small_index_leaves_the_query_to_lucene() throws Exception {
    IndexSearcher s = new IndexSearcher(reader);
    // "quasar" is in under a tenth of the papers: Lucene's weight; forced, the bulk scorer's.
    Query rare = allOf(false, "model", "quasar");
    assertInstanceOf(
        BooleanQuery.class,
        s.createWeight(AllWordsQuery.of(rare), ScoreMode.TOP_SCORES, 1f).getQuery());
    Query bulk = AllWordsQuery.of(rare, true);
    assertSame(bulk, s.createWeight(bulk, ScoreMode.TOP_SCORES, 1f).getQuery());
    // "data" is in a third of the papers, but that is far fewer than DENSE_POSTINGS.
    assertEquals(true, s.count(word("data")) > reader.numDocs() / 10);
    assertInstanceOf(
        BooleanQuery.class,
        s.createWeight(AllWordsQuery.of(allOf(false, "model", "data")), ScoreMode.TOP_SCORES, 1f)
            .getQuery());
    // Without scores (a count, the facets' pass) it is always Lucene's.
    assertInstanceOf(
        BooleanQuery.class, s.createWeight(bulk, ScoreMode.COMPLETE_NO_SCORES, 1f).getQuery());
    assertEquals(s.count(rare), s.count(bulk));
  }

  @Test
  void explanations_are_lucenes() throws Exception {
    IndexSearcher s = new IndexSearcher(reader);
    Query q = allOf(false, "model", "data");
    Query words = AllWordsQuery.of(q, true);
    for (ScoreDoc d : s.search(words, 5).scoreDocs) {
      assertEquals(d.score, s.explain(words, d.doc).getValue().floatValue());
      assertEquals(s.explain(q, d.doc).toString(), s.explain(words, d.doc).toString());
    }
  }

  @Test
  void other_shapes_are_left_as_they_are() {
    Query one = allOf(false, "model");
    Query optional =
        new BooleanQuery.Builder()
            .add(word("model"), Occur.MUST)
            .add(word("data"), Occur.SHOULD)
            .build();
    Query excluded =
        new BooleanQuery.Builder()
            .add(word("model"), Occur.MUST)
            .add(word("data"), Occur.MUST)
            .add(word("graph"), Occur.MUST_NOT)
            .build();
    Query phrase =
        new BooleanQuery.Builder()
            .add(word("model"), Occur.MUST)
            .add(new PhraseQuery("abstract", "graph", "data"), Occur.MUST)
            .build();
    // Words nested two deep would be summed in another order than Lucene's.
    Query deep =
        new BooleanQuery.Builder()
            .add(allOf(false, "model", "data"), Occur.MUST)
            .add(word("graph"), Occur.MUST)
            .build();
    for (Query q : List.of(one, optional, excluded, phrase, deep)) {
      assertSame(q, AllWordsQuery.of(q, true), q.toString());
    }
    // A conjunction under filters, as the facet filters wrap it, is read through.
    Query filtered =
        new BooleanQuery.Builder()
            .add(allOf(false, "model", "data"), Occur.MUST)
            .add(new TermQuery(new Term("kind", "talk")), Occur.FILTER)
            .build();
    assertInstanceOf(AllWordsQuery.class, AllWordsQuery.of(filtered, true));
  }
}
