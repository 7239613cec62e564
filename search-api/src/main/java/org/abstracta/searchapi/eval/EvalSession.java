package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.searchapi.eval.Evaluation.SystemResult;
import org.abstracta.searchapi.search.engine.IndexSearchService;

/**
 * One {@code abstracta eval}: prepares Abstracta's index of the corpus, evaluates Abstracta through
 * its search service, then (if asked) the BM25 baseline, on the same judged queries.
 */
public final class EvalSession {
  private final BeirCollection collection;
  private final Path indexDir;
  private final boolean rebuild;
  private final boolean baseline;
  private final int threads;

  /** What the session did: the index it used and each system's results, Abstracta first. */
  public record Outcome(EvalIndex.Prepared index, List<SystemResult> systems) {}

  public EvalSession(
      BeirCollection collection, Path indexDir, boolean rebuild, boolean baseline, int threads) {
    this.collection = collection;
    this.indexDir = indexDir;
    this.rebuild = rebuild;
    this.baseline = baseline;
    this.threads = threads;
  }

  public Outcome run() throws IOException, IndexerException {
    EvalIndex.Prepared index = EvalIndex.prepare(indexDir, collection.corpus(), rebuild);
    List<BeirCorpus.Doc> docs = BeirCorpus.read(collection.corpus());
    Map<String, String> beirIds = BeirCorpus.beirIdsByPaperId(collection.corpus(), docs);
    List<SystemResult> systems = new ArrayList<>();
    try (Ranker abstracta = new AbstractaRanker(IndexSearchService.open(indexDir), beirIds)) {
      systems.add(Evaluation.run(abstracta, collection, threads));
    }
    if (baseline) {
      try (Ranker bm25 = new Bm25Baseline(docs)) {
        systems.add(Evaluation.run(bm25, collection, threads));
      }
    }
    return new Outcome(index, List.copyOf(systems));
  }
}
