package org.abstracta.searchapi.eval;

import java.util.List;
import java.util.Map;

/**
 * The three measures, computed as trec_eval computes them on one query's ranking (already in {@link
 * ScoredDoc#TREC_ORDER}) and its judgments. A document is relevant when its grade is above 0.
 *
 * <ul>
 *   <li><b>nDCG@10</b> ({@code ndcg_cut.10}): gain = the grade, discount log2(rank + 1), so rank 1
 *       counts fully; the ideal ranking is every judged relevant document by grade, also cut at 10.
 *   <li><b>Recall@100</b> ({@code recall.100}): relevant documents in the first 100 over all
 *       relevant documents of the query.
 *   <li><b>MRR@10</b> ({@code recip_rank} on the first 10): 1 / rank of the first relevant document
 *       within the first 10, else 0.
 * </ul>
 *
 * Queries without a relevant document have no defined value and are not evaluated.
 */
public final class Metrics {
  public static final int NDCG_DEPTH = 10;
  public static final int RECALL_DEPTH = 100;
  public static final int MRR_DEPTH = 10;

  private Metrics() {}

  /** The three measures of one query. */
  public record QueryMetrics(double ndcg10, double recall100, double mrr10) {}

  public static QueryMetrics of(List<String> ranked, Map<String, Integer> judgments) {
    return new QueryMetrics(
        ndcg(ranked, judgments, NDCG_DEPTH),
        recall(ranked, judgments, RECALL_DEPTH),
        reciprocalRank(ranked, judgments, MRR_DEPTH));
  }

  /** The mean of each measure over {@code perQuery}; zeros for none. */
  public static QueryMetrics mean(List<QueryMetrics> perQuery) {
    int n = perQuery.size();
    if (n == 0) return new QueryMetrics(0, 0, 0);
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    for (QueryMetrics m : perQuery) {
      ndcg += m.ndcg10();
      recall += m.recall100();
      mrr += m.mrr10();
    }
    return new QueryMetrics(ndcg / n, recall / n, mrr / n);
  }

  static double ndcg(List<String> ranked, Map<String, Integer> judgments, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += gain(judgments.get(ranked.get(i))) / log2(i + 2);
    }
    List<Integer> ideal =
        judgments.values().stream()
            .filter(g -> g > 0)
            .sorted((a, b) -> Integer.compare(b, a))
            .limit(k)
            .toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) idcg += ideal.get(i) / log2(i + 2);
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recall(List<String> ranked, Map<String, Integer> judgments, int k) {
    long relevant = judgments.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) return 0;
    int found = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (gain(judgments.get(ranked.get(i))) > 0) found++;
    }
    return (double) found / relevant;
  }

  static double reciprocalRank(List<String> ranked, Map<String, Integer> judgments, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (gain(judgments.get(ranked.get(i))) > 0) return 1.0 / (i + 1);
    }
    return 0;
  }

  private static int gain(Integer grade) {
    return grade == null || grade < 0 ? 0 : grade;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
