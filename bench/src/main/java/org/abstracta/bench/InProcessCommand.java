package org.abstracta.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Single-thread latency of the query mix over {@link IndexSearchService}, the service the HTTP
 * layer calls: each kind in three variants (no facets; all facets; subject filter with all facets),
 * warm-up passes first, then measured passes; top 10 by relevance.
 */
@Command(
    name = "inprocess",
    mixinStandardHelpOptions = true,
    description = "p50/p95/p99 and single-thread QPS of the query mix, in process.")
final class InProcessCommand implements Callable<Integer> {
  /** The variants of every query: which facets are counted and whether a filter is applied. */
  enum Variant {
    NO_FACETS("none"),
    ALL_FACETS("all"),
    SUBJECT_FILTER("filter+all");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "index directory")
  Path index;

  @Option(names = "--queries", required = true, paramLabel = "FILE", description = "query file")
  Path queries;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "warm-up passes (default: ${DEFAULT-VALUE})")
  int warmup = 3;

  @Option(
      names = "--passes",
      paramLabel = "N",
      description = "measured passes (default: ${DEFAULT-VALUE})")
  int passes = 10;

  @Mixin ResultsOptions results;

  @Override
  public Integer call() throws Exception {
    List<BenchQuery> mix = BenchQuery.read(queries);
    Results table = new Results("inprocess", results.run);
    try (IndexSearchService service = IndexSearchService.open(index)) {
      long docs = service.stats().documents();
      System.out.printf(
          "in-process: %,d documents, %d queries, %d warm-up + %d measured passes, 1 thread%n",
          docs, mix.size(), warmup, passes);
      // Warm the JIT on the whole mix in every variant first: else the first rows measured (one
      // word, no facets) run on colder code than the later ones and come out slowest.
      for (int p = 0; p < warmup; p++) {
        for (Variant v : Variant.values()) for (BenchQuery q : mix) service.search(request(q, v));
      }
      for (Variant v : Variant.values()) {
        for (String kind : QueryMix.LABELS) {
          List<SearchRequest> requests = new ArrayList<>();
          for (BenchQuery q : mix) if (q.kind().equals(kind)) requests.add(request(q, v));
          if (requests.isEmpty()) continue;
          Latencies l = measure(service, requests);
          addRow(table, docs, kind, v, l);
        }
        List<SearchRequest> every = new ArrayList<>();
        for (BenchQuery q : mix) every.add(request(q, v));
        addRow(table, docs, "mix", v, measure(service, every));
      }
      List<SearchRequest> twoThree = new ArrayList<>();
      for (BenchQuery q : mix) {
        if (q.headline()) {
          twoThree.add(request(q, Variant.ALL_FACETS));
        }
      }
      if (!twoThree.isEmpty()) {
        addRow(table, docs, "2-3 words (headline)", Variant.ALL_FACETS, measure(service, twoThree));
      }
    }
    table.print(System.out);
    table.append(results.file);
    return 0;
  }

  private static void addRow(Results table, long docs, String kind, Variant v, Latencies l) {
    Map<String, Object> row = table.row();
    row.put("docs", docs);
    row.put("kind", kind);
    row.put("facets", v.label);
    row.put("n", l.count());
    row.put("p50ms", l.percentileMs(50));
    row.put("p95ms", l.percentileMs(95));
    row.put("p99ms", l.percentileMs(99));
    row.put("qps", l.count() / l.totalSeconds());
  }

  private Latencies measure(IndexSearchService service, List<SearchRequest> requests) {
    List<Runnable> calls = new ArrayList<>();
    for (SearchRequest r : requests) calls.add(() -> service.search(r));
    return Latencies.of(calls, warmup, passes);
  }

  static SearchRequest request(BenchQuery q, Variant v) {
    Map<String, List<String>> filters =
        v == Variant.SUBJECT_FILTER ? Map.of(Facets.SUBJECT, List.of(q.subject())) : Map.of();
    Set<String> facets = v == Variant.NO_FACETS ? Set.of() : null;
    return new SearchRequest(q.query(), filters, SortOrder.RELEVANCE, 1, 10, null, facets, false);
  }
}
