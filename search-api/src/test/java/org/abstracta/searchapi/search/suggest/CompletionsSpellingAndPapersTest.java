package org.abstracta.searchapi.search.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.IndexStats;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.Suggestion;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.junit.jupiter.api.Test;

/** "Did you mean", completions, whole papers, similar papers and stats over the seed index. */
class CompletionsSpellingAndPapersTest {
  static final IndexSearchService service = SeedIndex.service();

  static SearchResult search(String q) {
    return service.search(SearchRequest.of(q));
  }

  @Test
  void a_misspelled_word_gets_a_did_you_mean() {
    assertEquals("reinforcement", search("reinforcment").didYouMean());
    // Since issue 20 both words are required: as typed this finds nothing, so the respelling's
    // results are shown instead, flagged.
    SearchResult respelled = search("reinforcment lerning");
    assertEquals("reinforcement learning", respelled.correctedQuery());
    assertEquals(search("reinforcement learning").total(), respelled.total());
    assertEquals("Epistemic injustice", search("Epistemik injustice").correctedQuery());
  }

  @Test
  void a_query_of_known_words_gets_no_did_you_mean() {
    assertNull(search("epistemic injustice").didYouMean());
    assertNull(search("diffusion policy").didYouMean());
    assertNull(search("").didYouMean());
  }

  @Test
  void reinf_completes_to_reinforcement_first() {
    List<Suggestion> s = service.suggest("reinf", 10);
    assertEquals(new Suggestion("reinforcement", "term", null), s.get(0));
    assertEquals(new Suggestion("reinforcement learning", "term", null), s.get(1));
    assertTrue(s.stream().anyMatch(x -> x.kind().equals("title") && x.id() != null));
    assertEquals(10, s.size());
  }

  @Test
  void names_complete_to_authors() {
    assertTrue(service.suggest("jack", 10).contains(new Suggestion("Jackie Kay", "author", null)));
    assertTrue(
        service.suggest("kels", 10).contains(new Suggestion("Kelsey Allen", "author", null)));
  }

  @Test
  void several_words_complete_to_titles_and_a_phrase() {
    List<Suggestion> s = service.suggest("diffusion p", 10);
    assertTrue(s.contains(new Suggestion("diffusion policy", "term", null)), s.toString());
    assertTrue(
        s.contains(
            new Suggestion(
                "Diverse Controllable Diffusion Policy with Signal Temporal Logic",
                "title",
                "t-ec363743819d8b87")),
        s.toString());
  }

  @Test
  void a_title_start_is_offered_before_titles_containing_the_words() {
    List<Suggestion> titles =
        service.suggest("learning g", 10).stream().filter(x -> x.kind().equals("title")).toList();
    assertEquals(
        "Learning Gentle Object Manipulation with Curiosity-Driven Deep Reinforcement Learning",
        titles.getFirst().text());
  }

  @Test
  void nothing_typed_completes_to_nothing() {
    assertTrue(service.suggest("", 10).isEmpty());
    assertTrue(service.suggest("   ", 10).isEmpty());
    assertTrue(service.suggest("zzzzqqq", 10).isEmpty());
  }

  @Test
  void a_paper_is_found_by_its_id() {
    assertEquals(
        "Epistemic Injustice in Generative AI",
        service.paper("t-ee369f20e7662e54").orElseThrow().title());
    assertTrue(service.paper("t-0000000000000000").isEmpty());
    assertTrue(service.paper("").isEmpty());
  }

  @Test
  void similar_papers_exclude_the_paper_itself() {
    List<Hit> similar = service.similar("t-e4d5c4da853a2e4b", 5); // The Vendi Score
    assertEquals(5, similar.size());
    assertFalse(similar.stream().anyMatch(h -> h.id().equals("t-e4d5c4da853a2e4b")));
    // Its sequel shares the most distinctive words.
    assertEquals("t-db93873a28493c81", similar.getFirst().id());
    assertTrue(service.similar("no-such-paper", 5).isEmpty());
  }

  @Test
  void stats_count_documents_per_type() {
    IndexStats stats = service.stats();
    assertEquals(90, stats.documents());
    assertEquals(Map.of("paper", 89L, "talk", 1L), stats.perType());
    assertEquals(1, stats.generation());
    assertTrue(stats.lastCommit() != null && stats.lastCommit().startsWith("20"));
  }

  @Test
  void empty_query_with_filters_and_no_facets_is_fast_path_too() {
    SearchRequest r =
        new SearchRequest(
            "", Map.of("type", List.of("talk")), SortOrder.NEWEST, 1, 10, null, Set.of(), false);
    assertEquals(1, service.search(r).total());
  }
}
