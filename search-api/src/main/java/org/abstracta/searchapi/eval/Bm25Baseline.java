package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baseline: plain Lucene, as a first attempt would be. One field holding title and text
 * together, analyzed with {@link EnglishAnalyzer} (standard tokenizer, possessives, lower case,
 * Lucene's English stop words, Porter stemming); Lucene's default similarity, BM25 with k1 = 1.2
 * and b = 0.75; the query text parsed by the classic {@link QueryParser} after escaping, so it is
 * an OR of its words. In memory ({@link ByteBuffersDirectory}), built for each evaluation.
 */
final class Bm25Baseline implements Ranker {
  private static final String ID = "id";
  private static final String CONTENTS = "contents";

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  Bm25Baseline(List<BeirCorpus.Doc> docs) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (BeirCorpus.Doc d : docs) {
        Document doc = new Document();
        doc.add(new StoredField(ID, d.id()));
        doc.add(new TextField(CONTENTS, d.title() + "\n" + d.text(), Field.Store.NO));
        w.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @Override
  public String name() {
    return "Baseline: Lucene BM25, title+text, EnglishAnalyzer";
  }

  @Override
  public String tag() {
    return "baseline";
  }

  @Override
  public List<ScoredDoc> rank(String queryText, int depth) throws IOException {
    Query q;
    try {
      // Lower case first: "NOT" and "AND" in a sentence are words, not operators.
      q =
          new QueryParser(CONTENTS, analyzer)
              .parse(QueryParser.escape(queryText.toLowerCase(Locale.ROOT)));
    } catch (ParseException e) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    List<ScoredDoc> out = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(q, depth).scoreDocs) {
      out.add(new ScoredDoc(stored.document(sd.doc, Set.of(ID)).get(ID), sd.score));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
