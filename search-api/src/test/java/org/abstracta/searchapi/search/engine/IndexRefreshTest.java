package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served snapshot follows commits of another writer (as a concurrent {@code abstracta index}
 * makes them) without a restart; and arXiv ids and DOIs find their paper first.
 */
class IndexRefreshTest {
  @TempDir Path index;

  static void awaitCount(long expected, LongSupplier count) throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (count.getAsLong() != expected && System.nanoTime() < deadline) Thread.sleep(20);
    assertEquals(expected, count.getAsLong(), "within 2 s");
  }

  @Test
  void a_service_opened_on_an_empty_directory_serves_the_first_commit_and_then_new_ones()
      throws Exception {
    Path dir = index.resolve("not-yet-created");
    try (IndexSearchService service = IndexSearchService.open(dir)) {
      assertEquals(0, service.stats().documents());
      SearchResult empty = service.search(SearchRequest.of("learning"));
      assertEquals(0, empty.total());
      assertEquals(6, empty.facets().size());
      assertTrue(service.suggest("reinf", 10).isEmpty());

      SeedIndex.index(dir, SeedIndex.corpus());
      awaitCount(90, () -> service.stats().documents());

      SeedIndex.index(dir, SeedIndex.arxivSample());
      awaitCount(95, () -> service.stats().documents());
      awaitCount(95, () -> service.search(SearchRequest.of("")).total());
    }
  }

  @Test
  void deep_paging_with_a_cursor_stays_exact_while_papers_are_added() throws Exception {
    SeedIndex.index(index, SeedIndex.corpus());
    try (IndexSearchService service = IndexSearchService.open(index)) {
      List<String> seen = new ArrayList<>();
      SearchResult first =
          service.search(
              new SearchRequest("", Map.of(), SortOrder.OLDEST, 1, 30, null, Set.of(), false));
      first.hits().forEach(h -> seen.add(h.id()));

      SeedIndex.index(index, SeedIndex.arxivSample()); // five papers from 2007-2013
      awaitCount(95, () -> service.stats().documents());

      String cursor = first.nextCursor();
      while (cursor != null) {
        SearchResult r =
            service.search(
                new SearchRequest("", Map.of(), SortOrder.OLDEST, 1, 30, cursor, Set.of(), false));
        r.hits().forEach(h -> seen.add(h.id()));
        cursor = r.nextCursor();
      }
      // The 2007-2013 papers sort before the cursor: never seen, and nothing seen twice.
      assertEquals(90, seen.size());
      assertEquals(90, new HashSet<>(seen).size());
    }
  }

  @Test
  void an_arxiv_id_or_doi_query_finds_its_paper_first() throws Exception {
    SeedIndex.index(index, SeedIndex.corpus(), SeedIndex.arxivSample());
    try (IndexSearchService service = IndexSearchService.open(index)) {
      for (String q :
          List.of(
              "0704.0001",
              "arXiv:0704.0001v2",
              "https://arxiv.org/abs/0704.0001",
              "10.1103/PhysRevD.76.013009",
              "doi:10.1103/physrevd.76.013009",
              "id:0704.0001")) {
        SearchResult r = service.search(SearchRequest.of(q));
        assertEquals("0704.0001", r.hits().getFirst().id(), q);
      }
      assertEquals(
          "0704.0002", service.search(SearchRequest.of("0704.0002")).hits().getFirst().id());
    }
  }

  @Test
  void a_paper_is_found_by_every_form_of_its_id() throws Exception {
    SeedIndex.index(index, SeedIndex.arxivSample());
    try (IndexSearchService service = IndexSearchService.open(index)) {
      for (String id :
          List.of(
              "0704.0001",
              "arXiv:0704.0001v1",
              "https://arxiv.org/abs/0704.0001v2",
              "10.1103/PhysRevD.76.013009",
              "https://doi.org/10.1103/PhysRevD.76.013009")) {
        assertEquals("0704.0001", service.paper(id).orElseThrow().id(), id);
      }
      assertEquals(
          Map.of("hep-ph", 1L),
          Map.of(
              "hep-ph",
              service
                  .search(
                      new SearchRequest(
                          "",
                          Map.of("subject", List.of("hep-ph")),
                          SortOrder.RELEVANCE,
                          1,
                          10,
                          null,
                          Set.of(),
                          false))
                  .total()));
    }
  }
}
