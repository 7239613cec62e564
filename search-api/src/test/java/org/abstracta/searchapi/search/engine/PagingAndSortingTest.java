package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pages, cursors and sort orders over the seed index. */
class PagingAndSortingTest {
  static final Path index = SeedIndex.shared();
  static final IndexSearchService service = SeedIndex.service();

  static SearchResult page(String q, SortOrder sort, int page, int size, String cursor) {
    return service.search(
        new SearchRequest(q, Map.of(), sort, page, size, cursor, Set.of(), false));
  }

  /** Every hit of a query, following nextCursor {@code size} at a time. */
  static List<Hit> followCursor(String q, SortOrder sort, int size) {
    List<Hit> all = new ArrayList<>();
    String cursor = null;
    do {
      SearchResult r = page(q, sort, 1, size, cursor);
      all.addAll(r.hits());
      cursor = r.nextCursor();
    } while (cursor != null);
    return all;
  }

  @ParameterizedTest
  @EnumSource(SortOrder.class)
  void cursor_paging_over_all_ninety_papers_returns_each_exactly_once(SortOrder sort) {
    List<Hit> all = followCursor("", sort, 7);
    assertEquals(90, all.size());
    assertEquals(90, new HashSet<>(all.stream().map(Hit::id).toList()).size());
  }

  @Test
  void cursor_paging_of_a_ranked_query_matches_page_numbers() {
    List<String> byCursor =
        followCursor("learning", SortOrder.RELEVANCE, 10).stream().map(Hit::id).toList();
    List<String> byPage = new ArrayList<>();
    for (int p = 1; p <= 6; p++) {
      page("learning", SortOrder.RELEVANCE, p, 10, null).hits().forEach(h -> byPage.add(h.id()));
    }
    assertEquals(54, byCursor.size());
    assertEquals(byPage, byCursor);
  }

  @Test
  void the_last_page_has_no_next_cursor() {
    SearchResult last = page("learning", SortOrder.RELEVANCE, 6, 10, null);
    assertEquals(4, last.hits().size());
    assertNull(last.nextCursor());
    assertNotNull(page("learning", SortOrder.RELEVANCE, 5, 10, null).nextCursor());
    assertEquals(0, page("learning", SortOrder.RELEVANCE, 7, 10, null).hits().size());
  }

  @Test
  void newest_puts_the_latest_first_and_undated_papers_last() {
    List<Hit> all = followCursor("", SortOrder.NEWEST, 50);
    assertEquals(LocalDate.of(2026, 10, 13), all.getFirst().date());
    assertDescendingDatesThenUndated(all, true);
  }

  @Test
  void oldest_puts_the_earliest_first_and_undated_papers_last() {
    List<Hit> all = followCursor("", SortOrder.OLDEST, 50);
    assertEquals(LocalDate.of(2018, 6, 4), all.getFirst().date());
    assertDescendingDatesThenUndated(all, false);
  }

  private static void assertDescendingDatesThenUndated(List<Hit> all, boolean newestFirst) {
    for (int i = 0; i < 42; i++) assertNotNull(all.get(i).date(), "dated first");
    for (int i = 42; i < 90; i++) assertNull(all.get(i).date(), "undated last");
    for (int i = 1; i < 42; i++) {
      int c = all.get(i - 1).date().compareTo(all.get(i).date());
      assertTrue(newestFirst ? c >= 0 : c <= 0);
    }
  }

  @Test
  void date_sorted_hits_of_a_query_still_carry_scores() {
    SearchResult r = page("learning", SortOrder.NEWEST, 1, 5, null);
    assertTrue(r.hits().stream().allMatch(h -> h.score() > 0));
  }

  @Test
  void a_damaged_or_foreign_cursor_is_refused() {
    for (String bad : List.of("not-a-cursor", "%%%", "MVI6eHl6")) {
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class,
              () -> page("learning", SortOrder.RELEVANCE, 1, 10, bad));
      assertEquals("cursor", e.parameter());
      assertEquals("invalid_cursor", e.code());
    }
    String relevance = page("learning", SortOrder.RELEVANCE, 1, 10, null).nextCursor();
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> page("learning", SortOrder.OLDEST, 1, 10, relevance));
    assertEquals("invalid_cursor", e.code());
  }

  @Test
  void size_zero_gives_the_total_and_no_hits() {
    SearchResult r = page("learning", SortOrder.RELEVANCE, 1, 0, null);
    assertEquals(54, r.total());
    assertEquals(List.of(), r.hits());
    assertNull(r.nextCursor());
  }

  @Test
  void sizes_and_pages_out_of_range_are_refused_naming_the_parameter() {
    assertEquals(
        "size",
        assertThrows(
                InvalidRequestException.class, () -> page("", SortOrder.RELEVANCE, 1, -1, null))
            .parameter());
    assertEquals(
        "size",
        assertThrows(
                InvalidRequestException.class, () -> page("", SortOrder.RELEVANCE, 1, 101, null))
            .parameter());
    assertEquals(
        "page",
        assertThrows(
                InvalidRequestException.class, () -> page("", SortOrder.RELEVANCE, 0, 10, null))
            .parameter());
    InvalidRequestException deep =
        assertThrows(
            InvalidRequestException.class, () -> page("", SortOrder.RELEVANCE, 1001, 10, null));
    assertEquals("page_too_deep", deep.code());
  }

  @Test
  void a_search_out_of_time_returns_what_it_has_flagged_partial() throws Exception {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      PaperSearcher searcher = new PaperSearcher(reader);
      SearchRequest all = SearchRequest.of("learning");
      SearchResult out = new SearchExecution(searcher, all, 0).run(System.nanoTime());
      assertTrue(out.partial());
      assertTrue(out.total() < 54);
      SearchResult in = new SearchExecution(searcher, all, 60_000).run(System.nanoTime());
      assertFalse(in.partial());
      assertEquals(54, in.total());
    }
  }

  @Test
  void totals_are_exact() {
    assertEquals(90, page("", SortOrder.RELEVANCE, 1, 1, null).total());
    assertEquals(54, page("learning", SortOrder.OLDEST, 3, 1, null).total());
  }
}
