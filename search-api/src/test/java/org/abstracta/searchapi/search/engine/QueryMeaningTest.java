package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchResult.Matched;
import org.abstracta.searchapi.search.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a query means (issue 20): all words by default, fields that filter, whole-query spelling,
 * relaxing to some of the words — exact counts and ids over a fixture of 14 hand-written arXiv
 * records ({@code query-meaning/papers.jsonl}) and 60 papers that make the common words common
 * ({@code common-words.jsonl}: transformer, language model, diffusion models, graph neural
 * network).
 */
class QueryMeaningTest {
  @TempDir static Path dir;
  static IndexSearchService service;

  @BeforeAll
  static void index() throws Exception {
    Path fixture = Path.of(QueryMeaningTest.class.getResource("/query-meaning").toURI());
    Path index = dir.resolve("index");
    IndexRun.run(
        List.of(fixture), IndexOptions.defaults(index).withAsOf(LocalDate.of(2026, 11, 22)));
    service = IndexSearchService.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    service.close();
  }

  static SearchResult search(String q) {
    return service.search(
        new SearchRequest(q, Map.of(), SortOrder.RELEVANCE, 1, 100, null, null, false));
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void plain_words_find_the_papers_with_every_word() {
    SearchResult r = search("large language model");
    assertEquals(List.of("2301.00001"), ids(r));
    assertEquals(search("+large +language +model").total(), r.total());
    assertEquals(Matched.ALL, r.matched());
    assertTrue(r.totalExact());
    // Facets count only those papers: one subject pair, one year.
    FacetResult years = r.facets().stream().filter(f -> f.dim().equals("year")).findFirst().get();
    assertEquals(1, years.values().size());
    assertEquals("2023", years.values().getFirst().value());
  }

  @Test
  void or_typed_by_the_user_still_means_or() {
    assertEquals(2, search("galaxy OR capsule").total());
    assertEquals(Matched.ALL, search("galaxy OR capsule").matched());
    // OR joins its neighbours: reward and (ensembles or demonstrations).
    assertEquals(
        List.of("2601.00006", "0705.0005"), ids(search("reward ensembles OR demonstrations")));
  }

  @Test
  void a_year_typed_in_the_query_filters_like_the_url() {
    SearchResult phrase = search("\"reward model\"");
    assertEquals(4, phrase.total());
    SearchResult recent = search("\"reward model\" year:2023..2025");
    assertEquals(Set.of("2301.00001", "2401.00004"), Set.copyOf(ids(recent)));
    assertTrue(recent.total() <= phrase.total());
    assertEquals(
        List.of(new QueryFilter("year", "2023..2025", "year:2023..2025", false)),
        recent.queryFilters());
    // The same as the URL's filter, counts included: the year facet ignores its own filter.
    SearchResult url =
        service.search(
            new SearchRequest(
                "\"reward model\"",
                Map.of("year", List.of("2023..2025")),
                SortOrder.RELEVANCE,
                1,
                100,
                null,
                null,
                false));
    assertEquals(ids(url), ids(recent));
    assertEquals(url.facets(), recent.facets());
    assertEquals(List.of("0705.0005"), ids(search("\"reward model\" year:2007")));
  }

  @Test
  void title_and_author_words_are_required_in_their_fields() {
    // Sarah Hinton's paper has "transformer" only in its abstract; Hinton's capsules none.
    assertEquals(List.of("2501.00007"), ids(search("title:transformer author:Hinton")));
    assertEquals(3, search("author:Hinton").total());
    // A quoted name is the whole name, in order.
    assertEquals(List.of("2504.00010", "2501.00007"), ids(search("author:\"Geoffrey Hinton\"")));
    assertEquals(0, search("author:\"Hinton Geoffrey\"").total());
  }

  @Test
  void boolean_syntax_works_over_fields() {
    assertEquals(61, search("transformer NOT author:Hinton").total()); // 60 + the vision paper
    assertEquals(
        Set.of("2502.00008", "2503.00009"),
        Set.copyOf(ids(search("transformer (subject:astro-ph OR subject:cs.CV)"))));
    assertEquals(
        Set.of("2301.00001", "2303.00003"),
        Set.copyOf(ids(search("(type:paper AND year:2023) large"))));
  }

  @Test
  void a_subject_typed_in_the_query_is_selected_in_its_facet() {
    SearchResult r = search("reward subject:cs.RO");
    assertEquals(List.of("0705.0005"), ids(r));
    FacetResult subjects =
        r.facets().stream().filter(f -> f.dim().equals("subject")).findFirst().get();
    // Counted without its own filter, so the other subjects stay offered; cs.RO is selected.
    assertTrue(
        subjects.values().stream()
            .flatMap(
                v -> v.children() == null ? java.util.stream.Stream.of(v) : v.children().stream())
            .anyMatch(v -> v.value().equals("cs.RO") && v.selected()),
        subjects.toString());
    assertEquals(4, search("\"reward model\" subject:cs").total());
  }

  @Test
  void two_words_no_paper_holds_together_relax_and_say_so() {
    SearchResult r = search("galaxy capsule");
    assertEquals(Matched.SOME, r.matched());
    assertEquals(Set.of("2303.00003", "2504.00010"), Set.copyOf(ids(r)));
    // Three words, two together in one paper: that paper comes, not the ones with one word.
    SearchResult most = search("galaxy telescope capsule");
    assertEquals(Matched.SOME, most.matched());
    assertEquals(List.of("2303.00003"), ids(most));
  }

  @Test
  void misspelled_words_are_corrected_as_a_whole_query() {
    assertCorrected("difusion modles", "diffusion models", 61);
    assertCorrected("langauge model", "language model", 62);
    assertCorrected("transfromer", "transformer", 63);
    assertCorrected("grpah neural netwrok", "graph neural network", 61);
  }

  private static void assertCorrected(String typed, String corrected, long total) {
    SearchResult r = search(typed);
    assertEquals(corrected, r.correctedQuery(), typed);
    assertEquals(total, r.total(), typed);
    assertEquals(search(corrected).total(), r.total(), typed);
    assertNull(r.didYouMean(), typed);
    // Asked for the query as typed: its own results, and the respelling as a suggestion.
    SearchResult literal =
        service.search(
            new SearchRequest(
                typed, Map.of(), SortOrder.RELEVANCE, 1, 10, null, Set.of(), false, false));
    assertNull(literal.correctedQuery(), typed);
    assertEquals(corrected, literal.didYouMean(), typed);
    // What it finds as typed: the one paper with the typo, or (none) papers with some words.
    assertTrue(literal.total() <= 1 || literal.matched() == Matched.SOME, typed);
  }

  @Test
  void phrases_and_ids_are_never_respelled() {
    SearchResult phrase = search("\"difusion modles\"");
    assertEquals(0, phrase.total());
    assertNull(phrase.correctedQuery());
    assertNull(phrase.didYouMean());
    assertNull(search("2301.00001").correctedQuery());
    assertEquals(List.of("2301.00001"), ids(search("2301.00001")));
  }

  @Test
  void a_sentence_is_a_ranked_or_of_its_words() {
    SearchResult r = search("Do transformers analyse stellar spectra?");
    assertEquals(Matched.RANKED, r.matched());
    assertEquals("2502.00008", ids(r).getFirst());
    assertEquals(63, r.total()); // every paper with transformers, stellar or spectra
  }

  @Test
  void a_sentence_is_respelled_only_when_it_finds_nearly_nothing() {
    // One word misspelled: the others find papers, as they would for the word spelled right.
    SearchResult r = search("Do transfromer models analyse stellar spectra?");
    assertEquals(Matched.RANKED, r.matched());
    assertEquals(70, r.total());
    assertNull(r.correctedQuery());
    assertNull(r.didYouMean());
    // Every word misspelled: nothing found, so the respelling is searched.
    SearchResult none = search("Does a galaxxy survay need one?");
    assertEquals("Does a galaxy survey need one?", none.correctedQuery());
  }

  @Test
  void size_zero_gives_the_total_and_facets_only() {
    SearchResult r =
        service.search(
            new SearchRequest(
                "transformer", Map.of(), SortOrder.RELEVANCE, 1, 0, null, null, false));
    assertEquals(63, r.total());
    assertEquals(List.of(), r.hits());
    assertFalse(r.facets().isEmpty());
  }

  @Test
  void the_api_reports_what_the_query_meant() throws Exception {
    try (org.abstracta.searchapi.api.ApiServer server =
        org.abstracta.searchapi.api.ApiServer.over(dir.resolve("index"))) {
      ObjectMapper json = new ObjectMapper();
      JsonNode filtered =
          json.readTree(
              server.get("/api/search?facets=none&q=%22reward+model%22+year%3A2023..2025").body());
      assertEquals(2, filtered.get("total").asInt());
      assertEquals("eq", filtered.get("totalRelation").asText());
      assertEquals("all", filtered.get("matched").asText());
      assertEquals("year:2023..2025", filtered.get("queryFilters").get(0).get("text").asText());
      JsonNode some = json.readTree(server.get("/api/search?facets=none&q=galaxy+capsule").body());
      assertEquals("some", some.get("matched").asText());
      JsonNode fixed = json.readTree(server.get("/api/search?facets=none&q=transfromer").body());
      assertEquals("transformer", fixed.get("correctedQuery").asText());
      JsonNode literal =
          json.readTree(
              server.get("/api/search?facets=none&q=transfromer&autocorrect=false").body());
      assertEquals(1, literal.get("total").asInt());
      assertEquals("transformer", literal.get("didYouMean").asText());
      JsonNode counted = json.readTree(server.get("/api/search?q=transformer&size=0").body());
      assertEquals(63, counted.get("total").asInt());
      assertEquals(0, counted.get("hits").size());
      assertTrue(counted.get("facets").has("subject"));
    }
  }
}
