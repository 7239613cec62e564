package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abstracta.indexer.embed.LazyEmbedder;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.searchapi.eval.Evaluation.SystemResult;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.abstracta.searchapi.search.engine.Meaning;
import org.abstracta.searchapi.search.vector.Fusion;
import org.abstracta.searchapi.search.vector.QueryVectors;

/**
 * One {@code abstracta eval}: prepares Abstracta's index of the corpus (vectors included),
 * evaluates Abstracta through its search service in each mode — keyword, semantic, hybrid (once per
 * fusion setting asked for), and the default the API chooses per query — then (if asked) the BM25
 * baseline, on the same judged queries. One embedding model serves the stage and every query.
 */
public final class EvalSession {
  /** The tag of the API's default mode: what {@code --run} writes. */
  public static final String DEFAULT_TAG = "abstracta";

  private final BeirCollection collection;
  private final Path indexDir;
  private final boolean rebuild;
  private final boolean baseline;
  private final int threads;
  private final List<Fusion.Settings> fusions;

  /** What the session did: the index it used and each system's results, Abstracta's first. */
  public record Outcome(EvalIndex.Prepared index, List<SystemResult> systems) {}

  public EvalSession(
      BeirCollection collection, Path indexDir, boolean rebuild, boolean baseline, int threads) {
    this(collection, indexDir, rebuild, baseline, threads, List.of(Fusion.Settings.DEFAULT));
  }

  /**
   * @param fusions the fusions hybrid mode is evaluated with, one row each; the first is also the
   *     default mode's
   */
  public EvalSession(
      BeirCollection collection,
      Path indexDir,
      boolean rebuild,
      boolean baseline,
      int threads,
      List<Fusion.Settings> fusions) {
    this.collection = collection;
    this.indexDir = indexDir;
    this.rebuild = rebuild;
    this.baseline = baseline;
    this.threads = threads;
    this.fusions = List.copyOf(fusions);
  }

  public Outcome run() throws IOException, IndexerException {
    List<SystemResult> systems = new ArrayList<>();
    EvalIndex.Prepared index;
    try (LazyEmbedder model = new LazyEmbedder()) {
      index = EvalIndex.prepare(indexDir, collection.corpus(), rebuild, model);
      List<BeirCorpus.Doc> docs = BeirCorpus.read(collection.corpus());
      Map<String, String> beirIds = BeirCorpus.beirIdsByPaperId(collection.corpus(), docs);
      // One cache of query vectors for every mode and fusion: each claim is embedded once.
      QueryVectors queries = QueryVectors.of(model);
      try {
        Fusion.Settings first = fusions.getFirst();
        evaluate(
            systems, beirIds, queries, first, SearchMode.KEYWORD, "Abstracta keyword", "keyword");
        evaluate(
            systems,
            beirIds,
            queries,
            first,
            SearchMode.SEMANTIC,
            "Abstracta semantic",
            "semantic");
        for (Fusion.Settings f : fusions) {
          boolean one = fusions.size() == 1;
          String suffix = String.format(Locale.ROOT, " w=%s k=%d", f.vectorWeight(), f.depth());
          evaluate(
              systems,
              beirIds,
              queries,
              f,
              SearchMode.HYBRID,
              "Abstracta hybrid" + (one ? "" : suffix),
              "hybrid" + (one ? "" : suffix.replace(' ', '_').replace("=", "")));
        }
        evaluate(
            systems,
            beirIds,
            queries,
            first,
            null,
            "Abstracta default (hybrid for sentences)",
            DEFAULT_TAG);
      } finally {
        queries.close();
      }
      if (baseline) {
        try (Ranker bm25 = new Bm25Baseline(docs)) {
          systems.add(Evaluation.run(bm25, collection, threads));
        }
      }
    }
    return new Outcome(index, List.copyOf(systems));
  }

  private void evaluate(
      List<SystemResult> systems,
      Map<String, String> beirIds,
      QueryVectors queries,
      Fusion.Settings fusion,
      SearchMode mode,
      String name,
      String tag)
      throws IOException {
    try (IndexSearchService service =
            IndexSearchService.open(
                indexDir, IndexSearchService.DEFAULT_TIME_BUDGET, new Meaning(queries, fusion));
        Ranker ranker = new AbstractaRanker(service, beirIds, mode, name, tag)) {
      systems.add(Evaluation.run(ranker, collection, threads));
    }
  }
}
