package org.abstracta.searchapi.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.eval.Metrics.QueryMetrics;
import org.junit.jupiter.api.Test;

/** The measures against values computed by hand, the way trec_eval defines them. */
class MetricsTest {
  private static final double EXACT = 1e-12;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void ndcg_uses_the_grade_as_gain_and_log2_of_rank_plus_one_as_discount() {
    Map<String, Integer> judged = Map.of("a", 2, "b", 1, "c", 1, "n", 0);
    // a (grade 2) at rank 2, b (grade 1) at rank 4; c is never retrieved; n is judged non-relevant.
    List<String> ranked = List.of("x", "a", "n", "b");
    double dcg = 2 / log2(3) + 1 / log2(5);
    double ideal = 2 / log2(2) + 1 / log2(3) + 1 / log2(4);
    assertEquals(dcg / ideal, Metrics.ndcg(ranked, judged, 10), EXACT);
    assertEquals(0.540586, Metrics.ndcg(ranked, judged, 10), 1e-6);
  }

  @Test
  void ndcg_is_one_for_the_ideal_order_and_zero_without_relevant_hits() {
    Map<String, Integer> judged = Map.of("a", 2, "b", 1);
    assertEquals(1.0, Metrics.ndcg(List.of("a", "b", "x"), judged, 10), EXACT);
    assertEquals(0.0, Metrics.ndcg(List.of("x", "y"), judged, 10), EXACT);
    assertEquals(0.0, Metrics.ndcg(List.of(), judged, 10), EXACT);
  }

  @Test
  void ndcg_cuts_both_the_ranking_and_the_ideal_at_ten() {
    Map<String, Integer> judged = new java.util.HashMap<>();
    List<String> ranked = new ArrayList<>();
    for (int i = 0; i < 12; i++) judged.put("r" + i, 1);
    // Ranks 1..9 non-relevant, r0 at rank 10, r1 at rank 11 (past the cut).
    for (int i = 0; i < 9; i++) ranked.add("x" + i);
    ranked.add("r0");
    ranked.add("r1");
    double ideal = 0;
    for (int i = 1; i <= 10; i++) ideal += 1 / log2(i + 1);
    assertEquals((1 / log2(11)) / ideal, Metrics.ndcg(ranked, judged, 10), EXACT);
  }

  @Test
  void recall_at_100_counts_relevant_documents_in_the_first_100_only() {
    Map<String, Integer> judged = Map.of("a", 1, "b", 3, "c", 1, "d", 0);
    List<String> ranked = new ArrayList<>();
    for (int i = 0; i < 98; i++) ranked.add("x" + i);
    ranked.add(10, "a");
    ranked.add(99, "b"); // rank 100: counts
    ranked.add("c"); // rank 101: does not
    assertEquals(101, ranked.size());
    assertEquals(2.0 / 3.0, Metrics.recall(ranked, judged, 100), EXACT);
  }

  @Test
  void mrr_at_10_is_one_over_the_rank_of_the_first_relevant_document_within_ten() {
    Map<String, Integer> judged = Map.of("a", 1, "b", 1);
    assertEquals(1.0, Metrics.reciprocalRank(List.of("a", "b"), judged, 10), EXACT);
    assertEquals(1.0 / 3, Metrics.reciprocalRank(List.of("x", "y", "b", "a"), judged, 10), EXACT);
    List<String> late = new ArrayList<>();
    for (int i = 0; i < 10; i++) late.add("x" + i);
    late.add("a"); // rank 11
    assertEquals(0.0, Metrics.reciprocalRank(late, judged, 10), EXACT);
    assertEquals(0.1, Metrics.reciprocalRank(late.subList(1, 11), judged, 10), EXACT);
  }

  @Test
  void equal_scores_are_ordered_by_document_id_descending_as_trec_eval_does() {
    List<ScoredDoc> run =
        List.of(
            new ScoredDoc("10", 1.5),
            new ScoredDoc("9", 1.5),
            new ScoredDoc("200", 1.5),
            new ScoredDoc("1", 2.0));
    List<String> order = ScoredDoc.trecOrder(run).stream().map(ScoredDoc::docId).toList();
    // Descending as strings: "9" > "200" > "10".
    assertEquals(List.of("1", "9", "200", "10"), order);
    // So a relevant document tied with another scores as if ranked by its id, not as listed.
    Map<String, Integer> judged = Map.of("10", 1);
    assertEquals(0.25, Metrics.reciprocalRank(order, judged, 10), EXACT);
  }

  @Test
  void mean_averages_each_measure_over_the_evaluated_queries() {
    QueryMetrics mean =
        Metrics.mean(List.of(new QueryMetrics(1.0, 0.5, 1.0), new QueryMetrics(0.5, 1.0, 0.25)));
    assertEquals(new QueryMetrics(0.75, 0.75, 0.625), mean);
    assertEquals(new QueryMetrics(0, 0, 0), Metrics.mean(List.of()));
  }
}
