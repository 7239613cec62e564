package org.abstracta.searchapi.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query language (SPEC "Query syntax") over the 90-document seed index, exact ids and order.
 */
class QueryLanguageTest {
  static final IndexSearchService service = SeedIndex.service();

  static SearchResult search(String q) {
    return service.search(
        new SearchRequest(q, Map.of(), SortOrder.RELEVANCE, 1, 10, null, Set.of(), false));
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  /**
   * One case: the query, its exact total, and the ids its first hits must be, in order.
   *
   * @param first the leading hits, best first (all of them when the total is small)
   */
  record Case(String query, long total, List<String> first) {
    @Override
    public String toString() {
      return query;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("\"epistemic injustice\"", 1, List.of("t-ee369f20e7662e54")),
        // Keywords: every word is required (before issue 20, any word, those with both first).
        new Case(
            "diffusion policy",
            3,
            List.of(
                "t-1199b239ff0e9408", // Policy-Guided Diffusion
                "t-ec363743819d8b87", // Diverse Controllable Diffusion Policy with Signal ...
                "t-7e72cee2f7698890")), // DiffusionDrive (policy in the abstract)
        new Case("\"diffusion policy\"", 2, List.of("t-ec363743819d8b87", "t-7e72cee2f7698890")),
        new Case("sim-to-real", 2, List.of("t-33a9a8df3cd67add", "t-e7452ebd95d022a8")),
        new Case("non-invasive", 0, List.of()),
        new Case("\"objectivity\"", 0, List.of()),
        new Case(
            "objectivity",
            19,
            List.of("t-1d91a50ca11a8748", "t-e246040612eb6659", "t-9cf1e3b7274a8eeb")),
        new Case(
            "learning",
            54,
            List.of("t-62b36c3662a8989b", "t-e246040612eb6659", "t-b9887412f3287d9e")),
        new Case("Perez", 2, List.of("t-04224b5ccf2778ae", "t-cd5feb84ac8f3f88")),
        new Case("pérez-ortiz", 2, List.of("t-04224b5ccf2778ae", "t-cd5feb84ac8f3f88")),
        // A filter typed in the query alone lists its papers newest first, as the URL's filter.
        new Case(
            "author:\"Jackie Kay\"",
            19,
            List.of("t-04224b5ccf2778ae", "t-3b2563e37756dd1a", "t-cd5feb84ac8f3f88")),
        new Case("author:\"Kay Jackie\"", 0, List.of()),
        new Case(
            "title:diffusion -policy",
            3,
            List.of("t-b6e114e0d8195aaa", "t-7ea19135e7afc824", "t-f44d987791434b39")),
        new Case(
            "+diffusion +model",
            8,
            List.of("t-7ea19135e7afc824", "t-7e72cee2f7698890", "t-f44d987791434b39")),
        new Case(
            "(diffusion OR reward) AND model",
            23,
            List.of("t-7ea19135e7afc824", "t-7e72cee2f7698890", "t-f44d987791434b39")),
        new Case(
            "\"reward models\"~2",
            5,
            List.of("t-bed1adf1ad6e4912", "t-62b36c3662a8989b", "t-293d41e8ddc70caf")),
        new Case(
            "reinf*",
            26,
            List.of("t-17718303cf1c8401", "t-818776a1b18e0e36", "t-293d41e8ddc70caf")),
        new Case(
            "reinforcment~",
            26,
            List.of("t-17718303cf1c8401", "t-818776a1b18e0e36", "t-293d41e8ddc70caf")),
        new Case(
            "subject:cs.ro",
            7,
            List.of("t-faef3d57ecbf03f7", "t-2cfd504b26183255", "t-78f0e30e6a7f750e")),
        new Case("subject:cs", 33, List.of("t-c1e212fb944f4a78", "t-e75f4050f396dc47")),
        new Case(
            "year:2019..2020",
            6,
            List.of(
                "t-78f0e30e6a7f750e",
                "t-a8515aa07884dd7a",
                "t-33a9a8df3cd67add",
                "t-e7452ebd95d022a8",
                "t-17718303cf1c8401",
                "t-e246040612eb6659")),
        new Case("year:2023", 8, List.of("t-d14f0b3b5082a12e", "t-a433491ac2967d61")),
        new Case("id:t-ee369f20e7662e54", 1, List.of("t-ee369f20e7662e54")),
        new Case("title:(vendi score)", 2, List.of("t-e4d5c4da853a2e4b", "t-db93873a28493c81")),
        new Case("\"state of the art\"", 12, List.of("t-d14f0b3b5082a12e")),
        new Case(
            "quality diversity",
            13,
            List.of("t-eaa2381b570616f2", "t-f610553372c32481", "t-766f9a826f397245")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void each_query_finds_exactly_the_expected_papers_in_order(Case c) {
    SearchResult r = search(c.query());
    assertEquals(c.total(), r.total(), "total");
    assertEquals(c.first(), ids(r).subList(0, c.first().size()), "first hits");
  }

  @Test
  void epistemic_injustice_phrase_finds_its_paper_first() {
    Hit first = search("\"epistemic injustice\"").hits().getFirst();
    assertEquals("Epistemic Injustice in Generative AI", first.title());
  }

  @Test
  void author_phrase_finds_all_nineteen_papers_of_jackie_kay() {
    assertEquals(19, search("author:\"Jackie Kay\"").total());
  }

  @Test
  void unbalanced_quote_is_read_leniently_as_its_words() {
    SearchResult r = search("\"reward model");
    assertEquals(search("reward model").total(), r.total());
    assertEquals(15, r.total());
    assertEquals("t-bed1adf1ad6e4912", r.hits().getFirst().id());
  }

  @Test
  void hyphenated_word_is_a_phrase_and_never_an_exclusion() {
    // As NOT 'invasive' it would find every paper; as the phrase "non invasive" it finds none.
    assertEquals(0, search("non-invasive").total());
    assertEquals(2, search("sim-to-real").total());
    assertNotEquals(search("sim -real").total(), search("sim-to-real").total());
  }

  @Test
  void quoted_word_matches_exactly_while_a_plain_word_is_stemmed() {
    assertEquals(0, search("\"objectivity\"").total());
    assertEquals(ids(search("objective")), ids(search("objectivity")));
  }

  @Test
  void stemming_makes_learning_find_learn() {
    assertEquals(ids(search("learn")), ids(search("learning")));
    assertEquals(54, search("learn").total());
  }

  @Test
  void case_and_accents_do_not_matter() {
    assertEquals(ids(search("Pérez")), ids(search("perez")));
    assertEquals(2, search("PEREZ").total());
  }

  @Test
  void keywords_find_only_the_papers_with_every_word() {
    SearchRequest explained =
        new SearchRequest(
            "diffusion policy", Map.of(), SortOrder.RELEVANCE, 1, 5, null, Set.of(), true);
    List<Hit> hits = service.search(explained).hits();
    assertEquals(3, hits.size());
    for (Hit h : hits) assertTrue(h.explanation().contains("all 2 words present"), h.explanation());
  }

  @Test
  void with_or_documents_with_every_alternative_rank_above_those_missing_some() {
    SearchRequest explained =
        new SearchRequest(
            "diffusion OR policy", Map.of(), SortOrder.RELEVANCE, 1, 5, null, Set.of(), true);
    SearchResult r = service.search(explained);
    assertEquals(34, r.total());
    List<Hit> hits = r.hits();
    for (int i = 0; i < 3; i++) {
      assertTrue(
          hits.get(i).explanation().contains("all 2 words present"), hits.get(i).explanation());
      assertTrue(hits.get(i).score() > Relevance.ALL_WORDS_BONUS, hits.get(i).explanation());
    }
    assertTrue(hits.get(3).explanation().contains("missing 'policy'"), hits.get(3).explanation());
  }

  @Test
  void not_excludes_and_and_requires() {
    assertEquals(0, search("diffusion AND NOT model").total());
    assertEquals(search("+diffusion +model").total(), search("diffusion AND model").total());
    assertEquals(search("diffusion -model").total(), search("diffusion NOT model").total());
  }

  @Test
  void a_query_of_stop_words_only_matches_them_exactly() {
    assertEquals(90, search("the").total());
  }

  @Test
  void an_empty_query_lists_every_paper_newest_first() {
    SearchResult r = search("");
    assertEquals(90, r.total());
    assertEquals("t-d11211b4143ba6ed", r.hits().getFirst().id()); // 2026-10-13, the newest
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"",
        "(",
        ")",
        "AND",
        "OR NOT",
        "title:",
        "-",
        "+",
        "\"a\" \"",
        "((((reward",
        "reward))))",
        "~",
        "*",
        "**ing",
        "year:abc",
        "subject:",
        "id:",
        ":::",
        "\\",
        "\"\"",
        "\"~5",
        "reward AND",
        "OR reward",
        "NOT NOT reward",
        "title:author:reward",
        "reward^2",
        "<script>alert(1)</script>",
        "arXiv:",
        "year:2020..2010",
        "a~0.8"
      })
  void malformed_syntax_never_errors(String q) {
    SearchResult r = search(q);
    assertTrue(r.total() >= 0);
  }

  @Test
  void queries_past_a_limit_are_refused_on_parameter_q() {
    assertRefused("x".repeat(QueryLimits.MAX_QUERY_LENGTH + 1), "query_too_long");
    assertRefused("w ".repeat(QueryLimits.MAX_CLAUSES + 1), "too_many_clauses");
    assertRefused("reinforcment~3", "fuzzy_too_loose");
    assertRefused("(".repeat(QueryLimits.MAX_DEPTH + 1) + "reward", "query_too_complex");
  }

  private static void assertRefused(String q, String code) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> search(q));
    assertEquals("q", e.parameter());
    assertEquals(code, e.code());
  }

  @Test
  void a_leading_wildcard_is_read_as_a_plain_word() {
    assertEquals(ids(search("learning")), ids(search("*learning")));
  }

  /** Explained, and up to 100 hits: for assertions on every hit. */
  static SearchResult explained(String q) {
    return service.search(
        new SearchRequest(q, Map.of(), SortOrder.RELEVANCE, 1, 100, null, Set.of(), true));
  }

  // Sentences (QueryKind): a pasted claim, question or abstract is a ranked OR of its words.

  @Test
  void three_words_are_keywords_all_required() {
    SearchResult r = explained("diffusion policy learning");
    assertEquals(3, r.total());
    Hit first = r.hits().getFirst();
    assertTrue(first.score() < Relevance.ALL_WORDS_BONUS, first.explanation());
    assertTrue(first.explanation().contains("all 3 words present"), first.explanation());
  }

  @Test
  void a_longer_query_is_a_sentence_ranked_without_the_bonus() {
    SearchResult r =
        explained("Diffusion policies learn robot manipulation from human demonstrations.");
    assertTrue(r.total() > 0);
    for (Hit h : r.hits()) assertTrue(h.score() < Relevance.ALL_WORDS_BONUS, h.explanation());
  }

  @Test
  void in_a_sentence_a_hyphenated_word_matches_any_of_its_parts() {
    // Alone, sim-to-real is the phrase "sim to real" (two papers); in a sentence its parts count.
    assertEquals(2, search("sim-to-real").total());
    long sentence = explained("sim-to-real is qqxv wwzk jjyq").total();
    long parts = explained("sim OR real").total();
    assertEquals(parts, sentence);
    assertTrue(sentence > 2, "sentence total " + sentence);
  }

  @Test
  void a_pasted_claim_with_punctuation_is_read_leniently() {
    SearchResult r =
        explained(
            "Reward models (RMs): \"preference\" data - with E2f-1, -2, -3 and +1 tokens;"
                + " improve alignment [citation needed]?");
    assertTrue(r.total() > 0);
  }
}
