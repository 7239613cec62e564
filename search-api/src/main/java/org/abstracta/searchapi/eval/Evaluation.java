package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.abstracta.searchapi.eval.BeirCollection.Query;
import org.abstracta.searchapi.eval.Metrics.QueryMetrics;

/**
 * Runs every judged query of a collection through one {@link Ranker} and scores each ranking
 * against the judgments. Queries run on a few threads; results keep the queries' file order.
 */
public final class Evaluation {
  /** One query's ranking (in {@link ScoredDoc#TREC_ORDER}, at most 100) and its measures. */
  public record QueryResult(Query query, List<ScoredDoc> ranking, QueryMetrics metrics) {}

  /**
   * A system's results.
   *
   * @param mean the measures averaged over the evaluated queries
   * @param refused queries the system refused (counted as finding nothing)
   */
  public record SystemResult(
      String system,
      String tag,
      List<QueryResult> queries,
      QueryMetrics mean,
      int refused,
      double seconds) {}

  private Evaluation() {}

  /** Evaluates {@code ranker} on the judged queries of {@code collection}. */
  public static SystemResult run(Ranker ranker, BeirCollection collection, int threads)
      throws IOException {
    long start = System.nanoTime();
    List<Query> queries = collection.judgedQueries();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    List<QueryResult> results = new ArrayList<>(queries.size());
    try {
      List<Future<QueryResult>> futures = new ArrayList<>(queries.size());
      for (Query q : queries) futures.add(pool.submit(() -> evaluate(ranker, collection, q)));
      for (Future<QueryResult> f : futures) results.add(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
      if (e.getCause() instanceof IOException io) throw io;
      throw new IllegalStateException("evaluating a query failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    QueryMetrics mean = Metrics.mean(results.stream().map(QueryResult::metrics).toList());
    double seconds = (System.nanoTime() - start) / 1e9;
    return new SystemResult(
        ranker.name(), ranker.tag(), List.copyOf(results), mean, ranker.refused(), seconds);
  }

  private static QueryResult evaluate(Ranker ranker, BeirCollection collection, Query q)
      throws IOException {
    List<ScoredDoc> ranking = ScoredDoc.trecOrder(ranker.rank(q.text(), Metrics.RECALL_DEPTH));
    List<String> ids = ranking.stream().map(ScoredDoc::docId).toList();
    return new QueryResult(q, ranking, Metrics.of(ids, collection.qrels().judgments(q.id())));
  }
}
