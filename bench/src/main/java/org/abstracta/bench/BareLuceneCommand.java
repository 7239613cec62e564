package org.abstracta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The floor under the headline figure: the same 2–3 word queries answered by bare Lucene on the
 * same index, in process, one thread, beside Abstracta's whole service on the same queries in the
 * same run. Bare Lucene gets every word required, each word's stem in the title (boost 2) or the
 * abstract, BM25, and collects in two ways: the top 10 ids with Lucene's default pruning (its best
 * case), and the top 10 plus the exact count plus the 10 hits' stored papers (what a full answer
 * needs before highlighting). Abstracta's rows are {@link IndexSearchService} without facets: exact
 * total and 10 hits with highlighted snippets, and the exact total alone (size 0: parsing, spelling
 * and counting, no hits).
 */
@Command(
    name = "lucene",
    mixinStandardHelpOptions = true,
    description =
        "Latency of the 2-3 word headline queries in bare Lucene and in Abstracta's service, in"
            + " process, in the same run.")
final class BareLuceneCommand implements Callable<Integer> {
  @Option(names = "--index", required = true, paramLabel = "DIR", description = "index directory")
  Path index;

  @Option(names = "--queries", required = true, paramLabel = "FILE", description = "query file")
  Path queries;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "warm-up passes (default: ${DEFAULT-VALUE})")
  int warmup = 20;

  @Option(
      names = "--passes",
      paramLabel = "N",
      description = "measured passes (default: ${DEFAULT-VALUE})")
  int passes = 30;

  @Mixin ResultsOptions results;

  @Override
  public Integer call() throws Exception {
    List<BenchQuery> headline = new ArrayList<>();
    for (BenchQuery q : BenchQuery.read(queries)) {
      if (q.headline()) headline.add(q);
    }
    Results table = new Results("lucene", results.run);
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        IndexSearchService service = IndexSearchService.open(index)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Query> bare = new ArrayList<>();
      try (Analyzer analyzer = Analyzers.text()) {
        for (BenchQuery q : headline) bare.add(allStems(analyzer, q.query()));
      }
      System.out.printf(
          "lucene: %,d documents, %d headline queries, %d warm-up + %d measured passes, 1 thread%n",
          reader.numDocs(), headline.size(), warmup, passes);
      List<Runnable> top10 = new ArrayList<>();
      List<Runnable> full = new ArrayList<>();
      List<Runnable> abstracta = new ArrayList<>();
      List<Runnable> totalOnly = new ArrayList<>();
      for (int i = 0; i < headline.size(); i++) {
        Query query = bare.get(i);
        top10.add(() -> search(searcher, query));
        full.add(() -> fullAnswer(searcher, query));
        var request = InProcessCommand.request(headline.get(i), InProcessCommand.Variant.NO_FACETS);
        abstracta.add(() -> service.search(request));
        var count = withSize(request, 0);
        totalOnly.add(() -> service.search(count));
      }
      Latencies a = measure(abstracta);
      Latencies t = measure(top10);
      Latencies f = measure(full);
      Latencies c = measure(totalOnly);
      addRow(table, reader.numDocs(), "bare Lucene: top 10 ids", t, a);
      addRow(table, reader.numDocs(), "bare Lucene: top 10 + exact count + stored", f, a);
      addRow(table, reader.numDocs(), "Abstracta service, no facets", a, a);
      addRow(table, reader.numDocs(), "Abstracta service, total only (size=0)", c, a);
    }
    table.print(System.out);
    table.append(results.file);
    return 0;
  }

  private static SearchRequest withSize(SearchRequest r, int size) {
    return new SearchRequest(
        r.query(), r.filters(), r.sort(), r.page(), size, r.cursor(), r.facets(), r.explain());
  }

  /** Every word required: its stem in the title (boost 2) or the abstract. */
  static Query allStems(Analyzer analyzer, String text) throws IOException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream(Fields.ABSTRACT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      String pending = null; // the last word's term: its stem when it has one, else the exact word
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0 && pending != null) all.add(word(pending), Occur.MUST);
        if (inc.getPositionIncrement() > 0 || !term.toString().startsWith(Analyzers.EXACT_MARK)) {
          pending = term.toString();
        }
      }
      if (pending != null) all.add(word(pending), Occur.MUST);
      ts.end();
    }
    return all.build();
  }

  private static Query word(String term) {
    return new BooleanQuery.Builder()
        .add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, term)), 2f), Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.ABSTRACT, term)), Occur.SHOULD)
        .build();
  }

  private static TopDocs search(IndexSearcher searcher, Query query) {
    try {
      return searcher.search(query, new TopScoreDocCollectorManager(10, 1000));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fullAnswer(IndexSearcher searcher, Query query) {
    try {
      TopDocs top = search(searcher, query);
      int count = searcher.count(query);
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : top.scoreDocs) stored.document(hit.doc);
      if (count < 0) throw new IllegalStateException();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Latencies measure(List<Runnable> queries) {
    return Latencies.of(queries, warmup, passes);
  }

  private static void addRow(
      Results table, long docs, String what, Latencies l, Latencies abstracta) {
    Map<String, Object> row = table.row();
    row.put("docs", docs);
    row.put("what", what);
    row.put("n", l.count());
    row.put("p50ms", l.percentileMs(50));
    row.put("p99ms", l.percentileMs(99));
    row.put("abstractaP50Ratio", abstracta.percentileMs(50) / l.percentileMs(50));
  }
}
