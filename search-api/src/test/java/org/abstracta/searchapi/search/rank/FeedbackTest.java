package org.abstracta.searchapi.search.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.OpenIndex;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.facet.FacetFilters;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.query.ParsedQuery;
import org.abstracta.searchapi.search.query.Relevance;
import org.abstracta.searchapi.search.query.UserQueryParser;
import org.abstracta.searchapi.search.rank.Feedback.Expansion;
import org.abstracta.searchapi.search.rank.Feedback.Result;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pseudo-relevance feedback for sentences ({@link Feedback}): the words chosen, their weights, and
 * what it does to a sentence's ranking over the seed index.
 */
class FeedbackTest {
  /** A claim over the seed corpus whose order feedback changes (and whose matches it keeps). */
  private static final String SENTENCE =
      "Offline reinforcement learning suffers from distribution shift in the learned policy.";

  static OpenIndex seed;

  @BeforeAll
  static void openSeedIndex() throws Exception {
    seed = OpenIndex.seed();
  }

  @AfterAll
  static void close() throws Exception {
    seed.close();
  }

  @Test
  void words_are_the_most_probable_stems_of_the_first_results_each_weighted_by_its_score() {
    List<Result> results =
        List.of(
            new Result(List.of("a", "b", "a", "c"), 10f), // weight 1: a 2/4, b 1/4, c 1/4
            new Result(List.of("b", "d"), 9.5f), // 5% below the first: weight 1/e, b and d 1/(2e)
            new Result(List.of(), 9f), // no text: no words
            new Result(List.of("e"), 5f)); // half the first: weight e^-10
    List<Expansion> words = Feedback.expansions(results, 3);
    double e = Math.E;
    double a = 0.5, b = 0.25 + 1 / (2 * e), c = 0.25, sum = a + b + c;
    assertEquals(List.of("a", "b", "c"), words.stream().map(Expansion::stem).toList());
    assertEquals(a / sum, words.get(0).weight(), 1e-12);
    assertEquals(b / sum, words.get(1).weight(), 1e-12);
    assertEquals(c / sum, words.get(2).weight(), 1e-12);
    assertEquals(0.4223, words.get(0).weight(), 1e-4);
    assertEquals(0.3665, words.get(1).weight(), 1e-4);
    assertEquals(0.2112, words.get(2).weight(), 1e-4);
  }

  @Test
  void equal_weights_are_in_stem_order_and_results_without_scores_count_alike() {
    List<Expansion> words =
        Feedback.expansions(
            List.of(new Result(List.of("z", "y"), 0f), new Result(List.of("x", "x"), 0f)), 10);
    assertEquals(
        List.of(new Expansion("x", 0.5), new Expansion("y", 0.25), new Expansion("z", 0.25)),
        words);
    assertEquals(List.of(), Feedback.expansions(List.of(), 10));
  }

  @Test
  void a_sentence_over_the_seed_index_adds_these_words() throws Exception {
    PaperSearcher searcher = new PaperSearcher(seed.reader());
    ParsedQuery parsed = new UserQueryParser(seed.reader()).parse(SENTENCE);
    assertTrue(parsed.sentence());
    List<Expansion> words =
        Feedback.words(
            searcher, searcher.search(parsed.query(), Relevance.FEEDBACK_DOCS).scoreDocs);
    assertEquals(Relevance.FEEDBACK_TERMS, words.size());
    assertEquals(
        List.of("offlin", "polici", "we", "onlin", "learn"),
        words.subList(0, 5).stream().map(Expansion::stem).toList());
    double[] weights = {0.0810, 0.0793, 0.0697, 0.0647, 0.0631};
    for (int i = 0; i < weights.length; i++) {
      assertEquals(weights[i], words.get(i).weight(), 1e-4, words.get(i).stem());
    }
  }

  @Test
  void feedback_reorders_a_sentence_and_keeps_its_matches() throws Exception {
    SearchResult r = search(SENTENCE, SortOrder.RELEVANCE);
    List<String> expected =
        List.of(
            "t-bccae1e65db1b87e", // Finetuning from Offline Reinforcement Learning
            "t-d47639f4fe5e67e0", // ... Balances for Offline-to-Online Reinforcement Learning
            "t-5e4b9b2c72043470", // Data Quality in Imitation Learning
            "t-1199b239ff0e9408", // Policy-Guided Diffusion
            "t-3ec8ee76af4320e3"); // Policy Regularization ... for Offline Reinforcement Learning
    assertEquals(expected, r.hits().stream().map(Hit::id).toList().subList(0, 5));

    // Without feedback the offline-to-online paper is fourth.
    PaperSearcher searcher = new PaperSearcher(seed.reader());
    List<String> plain = new ArrayList<>();
    for (ScoreDoc sd :
        searcher.search(new UserQueryParser(seed.reader()).parse(SENTENCE).query(), 5).scoreDocs) {
      plain.add(PaperDocuments.load(searcher.storedFields(), sd.doc).id());
    }
    assertEquals("t-d47639f4fe5e67e0", plain.get(3));
    assertNotEquals(expected, plain);

    // The same papers match: sorted by date (no feedback is run) the total is the same.
    assertEquals(77, r.total());
    assertEquals(77, search(SENTENCE, SortOrder.NEWEST).total());
  }

  @Test
  void reranking_the_first_results_orders_and_scores_as_the_expanded_query_in_one_search()
      throws Exception {
    PaperSearcher searcher = new PaperSearcher(seed.reader());
    Query sentence = new UserQueryParser(seed.reader()).parse(SENTENCE).query();
    FacetFilters none = FacetFilters.of(Map.of(), searcher);
    // The words rescore the first 5 of the 77 matches (the rest keep the sentence's order), and,
    // as run, the first 300.
    for (int reranked : new int[] {5, Relevance.FEEDBACK_RERANKED}) {
      ScoreDoc[] expanded =
          searcher.search(none.apply(Feedback.expand(searcher, sentence, none, reranked)), 100)
              .scoreDocs;
      TopDocs reranking = Feedback.rerank(searcher, sentence, none, 100, reranked);
      assertEquals(77, expanded.length);
      assertEquals(77, reranking.scoreDocs.length);
      assertEquals(new TotalHits(77, TotalHits.Relation.EQUAL_TO), reranking.totalHits);
      for (int i = 0; i < expanded.length; i++) {
        assertEquals(expanded[i].doc, reranking.scoreDocs[i].doc, "rank " + (i + 1));
        // The same sum, in another order of float operations.
        assertEquals(
            expanded[i].score,
            reranking.scoreDocs[i].score,
            1e-4f * expanded[i].score,
            "rank " + (i + 1));
      }
      // The first n only, with the total of all.
      TopDocs first3 = Feedback.rerank(searcher, sentence, none, 3, reranked);
      assertEquals(3, first3.scoreDocs.length);
      assertEquals(expanded[2].doc, first3.scoreDocs[2].doc);
      assertEquals(77, first3.totalHits.value());
    }
    // Reranking 5 reorders the first five and keeps them first: the cut at 5 is exercised.
    List<Integer> plain = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(sentence, 5).scoreDocs) plain.add(sd.doc);
    List<Integer> reranked = new ArrayList<>();
    for (ScoreDoc sd : Feedback.rerank(searcher, sentence, none, 5, 5).scoreDocs) {
      reranked.add(sd.doc);
    }
    assertNotEquals(plain, reranked);
    assertEquals(Set.copyOf(plain), Set.copyOf(reranked));
  }

  @Test
  void a_sentence_counts_a_repeated_word_once() {
    // Ended by a period: a sentence (since issue 20 these words alone are keywords, all required).
    List<Hit> once = search("offline learning of a robot policy.", SortOrder.RELEVANCE).hits();
    List<Hit> twice =
        search("offline learning of a robot policy offline policy.", SortOrder.RELEVANCE).hits();
    assertEquals(once.stream().map(Hit::id).toList(), twice.stream().map(Hit::id).toList());
    for (int i = 0; i < once.size(); i++) assertEquals(once.get(i).score(), twice.get(i).score());
  }

  @Test
  void the_explanation_says_the_first_results_added_words() {
    Hit first =
        seed.service()
            .search(
                new SearchRequest(
                    SENTENCE, Map.of(), SortOrder.RELEVANCE, 1, 1, null, Set.of(), true))
            .hits()
            .getFirst();
    assertTrue(
        first.explanation().endsWith("; with words of the first results; score 8.03"),
        first.explanation());
    Hit keywords =
        seed.service()
            .search(
                new SearchRequest(
                    "offline reinforcement learning",
                    Map.of(),
                    SortOrder.RELEVANCE,
                    1,
                    1,
                    null,
                    Set.of(),
                    true))
            .hits()
            .getFirst();
    assertTrue(!keywords.explanation().contains("first results"), keywords.explanation());
  }

  private static SearchResult search(String q, SortOrder order) {
    return seed.service()
        .search(new SearchRequest(q, Map.of(), order, 1, 10, null, Set.of(), false));
  }
}
