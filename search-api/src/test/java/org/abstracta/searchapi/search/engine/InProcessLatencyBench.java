package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SortOrder;
import org.junit.jupiter.api.Test;

/**
 * In-process search latency (warm) over an existing index; not part of the build. Run with
 *
 * <pre>
 * ./mvnw -o -pl search-api test -Dtest=InProcessLatencyBench -Dabstracta.bench.index=/path/to/index
 * </pre>
 *
 * <p>{@code -Dabstracta.bench.queries='a b|c d'} replaces the queries (arXiv topics by default),
 * {@code -Dabstracta.bench.rounds=N} the rounds, {@code -Dabstracta.bench.facets=none|all|dim,dim}
 * the facet configurations.
 */
class InProcessLatencyBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  static final List<String> QUERIES =
      List.of(
          "quantum entanglement",
          "dark matter halo",
          "neural network training",
          "black hole entropy",
          "reinforcement learning",
          "topological insulator",
          "gamma ray burst",
          "graph coloring");

  @Test
  void two_and_three_word_queries_warm() throws Exception {
    String dir = System.getProperty("abstracta.bench.index");
    assumeTrue(dir != null, "set -Dabstracta.bench.index to an index directory");
    int rounds = Integer.getInteger("abstracta.bench.rounds", 300);
    String given = System.getProperty("abstracta.bench.queries");
    List<String> queries = given == null ? QUERIES : List.of(given.split("\\|"));
    try (IndexSearchService s = IndexSearchService.open(Path.of(dir))) {
      System.out.printf("index: %d documents%n", s.stats().documents());
      List<Set<String>> configs =
          Arrays.asList(
              Set.<String>of(),
              null,
              Set.of("subject"),
              Set.of("year"),
              Set.of("author"),
              Set.of("type", "source", "hasCode"));
      String only = System.getProperty("abstracta.bench.facets");
      if (only != null) {
        // "none", "all" or a comma-separated list of dimensions
        configs =
            Arrays.asList(
                only.equals("all")
                    ? null
                    : only.equals("none") ? Set.of() : Set.of(only.split(",")));
      }
      for (Set<String> facets : configs) {
        long[] all = new long[queries.size() * rounds];
        long[] cpu = new long[all.length];
        int k = 0;
        for (int warm = 0; warm < 2; warm++) {
          k = 0;
          for (int i = 0; i < rounds; i++) {
            for (String q : queries) {
              SearchRequest r =
                  new SearchRequest(q, Map.of(), SortOrder.RELEVANCE, 1, 10, null, facets, false);
              long c0 = THREADS.getCurrentThreadCpuTime();
              long t0 = System.nanoTime();
              s.search(r);
              all[k] = System.nanoTime() - t0;
              cpu[k++] = THREADS.getCurrentThreadCpuTime() - c0;
            }
          }
        }
        Arrays.sort(all);
        Arrays.sort(cpu);
        // CPU time per search stays meaningful on a busy machine, where wall time does not.
        System.out.printf(
            "top-10, facets %-20s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, cpu p50 %.3f ms (%d"
                + " searches)%n",
            facets == null ? "all" : facets.isEmpty() ? "none" : String.join(",", facets),
            all[k / 2] / 1e6,
            all[k * 9 / 10] / 1e6,
            all[k * 99 / 100] / 1e6,
            cpu[k / 2] / 1e6,
            k);
      }
    }
  }
}
