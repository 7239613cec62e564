package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.search.RecoveryOption;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.junit.jupiter.api.Test;

/** What a search that finds nothing on the seed index offers instead, with exact counts. */
class RecoveryTest {
  private final SearchService service = SeedIndex.service();

  private SearchResult search(String q, Map<String, List<String>> filters, boolean autocorrect) {
    return service.search(
        new SearchRequest(q, filters, SortOrder.RELEVANCE, 1, 10, null, null, false, autocorrect));
  }

  @Test
  void a_year_typed_in_the_query_that_excludes_everything_is_offered_out_of_the_query() {
    assertEquals(5, search("\"reward model\"", Map.of(), true).total());
    SearchResult r = search("\"reward model\" year:2007", Map.of(), true);
    assertEquals(0, r.total());
    assertEquals(
        List.of(
            new RecoveryOption(
                "queryFilter", "year", "year:2007", "\"reward model\"", Map.of(), 5)),
        r.recovery());
  }

  @Test
  void each_url_filter_is_offered_dropped_with_its_count_then_all_of_them() {
    SearchResult r =
        search(
            "\"reward model\" subject:cs.RO",
            Map.of("year", List.of("2007", "2008"), "type", List.of("talk")),
            true);
    assertEquals(0, r.total());
    assertEquals(
        List.of(new RecoveryOption("allFilters", null, null, "\"reward model\"", Map.of(), 5)),
        r.recovery(),
        "one filter at a time still finds nothing; all of them at once five");

    SearchResult year = search("\"reward model\"", Map.of("year", List.of("2007")), true);
    assertEquals(
        List.of(new RecoveryOption("filter", "year", "2007", "\"reward model\"", Map.of(), 5)),
        year.recovery());
  }

  @Test
  void the_respelling_is_offered_when_the_query_is_kept_as_typed() {
    SearchResult r = search("epistemik", Map.of(), false);
    assertEquals(0, r.total());
    assertEquals("epistemic", r.didYouMean());
    long count = search("epistemic", Map.of(), true).total();
    assertEquals(
        List.of(new RecoveryOption("spelling", null, null, "epistemic", Map.of(), count)),
        r.recovery());
  }

  @Test
  void a_phrase_that_never_occurs_is_offered_as_its_words() {
    SearchResult r = search("\"policy reward\"", Map.of(), true);
    assertEquals(0, r.total());
    long count = search("policy reward", Map.of(), true).total();
    assertEquals(
        List.of(new RecoveryOption("phrase", null, null, "policy reward", Map.of(), count)),
        r.recovery());
  }

  @Test
  void a_search_that_finds_something_offers_nothing() {
    assertEquals(List.of(), search("\"reward model\"", Map.of(), true).recovery());
    assertEquals(List.of(), search("zzqxv", Map.of(), true).recovery(), "nothing would help");
  }
}
