package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.abstracta.searchapi.search.SeedIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one snapshot computes once and shares — the counts over all documents behind {@code
 * /api/stats}, {@code /health}, {@code /metrics} and the facet listings — is safe to read from many
 * request threads at once.
 */
class ConcurrentReadsTest {
  @TempDir Path dir;

  // Found by ServingWhileIndexingIT (2026-11-23): /api/stats answered 500 ("read past EOF" in the
  // facet doc values) while other requests read the same snapshot. The shared counts read their
  // labels through one doc-values iterator, which is not thread-safe.
  @Test
  void stats_and_facet_listings_are_answered_from_many_threads_at_once() throws Exception {
    Path papers = dir.resolve("years.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      lines.add(
          "{\"id\":\"y-"
              + i
              + "\",\"type\":\""
              + (i % 2 == 0 ? "paper" : "talk")
              + "\",\"title\":\"paper "
              + i
              + "\",\"abstract\":\"about learning\",\"authors\":[\"Author "
              + i
              + "\"],\"date\":\""
              + (1700 + i)
              + "-01-01\"}");
    }
    Files.write(papers, lines, StandardCharsets.UTF_8);
    SeedIndex.index(dir.resolve("index"), papers);
    try (IndexSearchService service = IndexSearchService.open(dir.resolve("index"))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          calls.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 50; i++) {
                      if (thread % 2 == 0) {
                        assertEquals(600, service.stats().documents());
                        assertEquals(300L, service.stats().perType().get("talk"));
                      } else {
                        assertEquals(600, service.facetValues("year", "", 1000).values().size());
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> call : calls) call.get();
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
