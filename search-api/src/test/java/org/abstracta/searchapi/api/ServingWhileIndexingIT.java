package org.abstracta.searchapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.abstracta.searchapi.search.GeneratedPapers;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SnapshotCounts;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server under continuous query load while indexing runs commit into the index it serves, in
 * the same directory, as a concurrent {@code abstracta index} does: every request is answered 200
 * with valid JSON; every total a client sees is one that some commit holds (never a half-written
 * state); the document count a client sees never goes down; the final count is exact; and no
 * searcher is left acquired.
 */
class ServingWhileIndexingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 4;
  private static final int BATCH = 150;

  /** The mix each client cycles through: facets, filters, phrases, prefixes, fuzzy, sorting. */
  private static final List<String> QUERIES =
      List.of(
          "/api/search?facets=none",
          "/api/search?q=learning",
          "/api/search?q=model+graph&subject=cs.LG&facets=subject,year",
          "/api/search?q=%22reward+model%22&sort=newest",
          "/api/search?q=galax*&year=2019..2022&facets=year",
          "/api/search?q=polcy~&facets=author",
          "/api/search?q=(vision+OR+network)+-policy&sort=oldest&size=50",
          "/api/stats");

  @TempDir Path dir;

  @Test
  void queries_see_only_whole_commits_while_indexing_runs_commit() throws Exception {
    Path index = dir.resolve("index");
    SeedIndex.index(index, SeedIndex.corpus());
    // For each query, the total every commit gives it (documents, for /api/stats).
    Map<String, Set<Long>> committed = new ConcurrentHashMap<>();
    List<Long> counts = new ArrayList<>();
    record(index, committed, counts);

    try (IndexSearchService service = IndexSearchService.open(index);
        ApiServer server = new ApiServer(service)) {
      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Map<String, List<Long>>> seen = new ConcurrentLinkedQueue<>();
      AtomicLong requests = new AtomicLong();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int offset = c;
        Thread t =
            new Thread(
                () -> seen.add(load(server, offset, stop, failures, requests)), "client-" + c);
        t.start();
        clients.add(t);
      }

      // Seven runs adding papers, one updating a batch in place (same ids, other words).
      for (int run = 1; run <= 8; run++) {
        Path batch =
            run == 5
                ? GeneratedPapers.write(dir.resolve("b" + run + ".jsonl"), 1, BATCH, "", 20, 99)
                : GeneratedPapers.write(dir.resolve("b" + run + ".jsonl"), run, BATCH, "", 20);
        SeedIndex.index(index, batch);
        record(index, committed, counts);
        Thread.sleep(300); // let the clients see this commit
      }
      long expected = 90 + 7L * BATCH;
      assertEquals(expected, counts.getLast());
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (service.stats().documents() != expected && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      stop.set(true);
      for (Thread t : clients) t.join(30_000);

      assertEquals(List.of(), List.copyOf(failures), "failed requests");
      assertTrue(requests.get() >= 100, "load: " + requests.get() + " requests");
      Set<Long> documentsSeen = new LinkedHashSet<>();
      for (Map<String, List<Long>> client : seen) {
        for (Map.Entry<String, List<Long>> e : client.entrySet()) {
          Set<Long> allowed = committed.get(e.getKey());
          for (long total : e.getValue()) {
            assertTrue(
                allowed.contains(total),
                e.getKey() + " gave " + total + ", which no commit holds: " + allowed);
          }
          if (e.getKey().equals(QUERIES.getFirst()) || e.getKey().equals("/api/stats")) {
            assertNonDecreasing(e.getKey(), e.getValue());
            documentsSeen.addAll(e.getValue());
          }
        }
      }
      assertTrue(documentsSeen.size() >= 3, "clients saw commits in between: " + documentsSeen);
      JsonNode all = json(server.get(QUERIES.getFirst()));
      assertEquals(expected, all.get("total").asLong());
      assertEquals(expected, json(server.get("/api/stats")).get("documents").asLong());
      SnapshotCounts snapshots = service.snapshots();
      assertEquals(0, snapshots.inUse(), "searchers still acquired: " + snapshots);
      assertEquals(1, snapshots.open(), "old snapshots still open: " + snapshots);
      System.out.printf(
          "serving while indexing: %d requests by %d clients over %d commits; documents seen %s;"
              + " %s%n",
          requests.get(), CLIENTS, counts.size(), documentsSeen, snapshots);
    }
  }

  /** One client: cycles through the queries until stopped; the totals it saw, per query. */
  private static Map<String, List<Long>> load(
      ApiServer server,
      int offset,
      AtomicBoolean stop,
      ConcurrentLinkedQueue<String> failures,
      AtomicLong requests) {
    Map<String, List<Long>> totals = new LinkedHashMap<>();
    for (int i = offset; !stop.get(); i++) {
      String q = QUERIES.get(i % QUERIES.size());
      try {
        HttpResponse<String> r = server.get(q);
        requests.incrementAndGet();
        if (r.statusCode() != 200) {
          failures.add(q + " -> " + r.statusCode() + " " + r.body());
          continue;
        }
        JsonNode body = json(r);
        JsonNode total = body.get(q.equals("/api/stats") ? "documents" : "total");
        if (total == null || !total.canConvertToLong()) {
          failures.add(q + " -> no total: " + r.body());
          continue;
        }
        totals.computeIfAbsent(q, k -> new ArrayList<>()).add(total.asLong());
      } catch (RuntimeException | AssertionError e) {
        failures.add(q + " -> " + e);
      }
    }
    return totals;
  }

  /** Each query's total at the index's latest commit, through a service opened on it alone. */
  private static void record(Path index, Map<String, Set<Long>> committed, List<Long> counts)
      throws Exception {
    try (IndexSearchService at = IndexSearchService.open(index);
        ApiServer server = new ApiServer(at)) {
      for (String q : QUERIES) {
        JsonNode body = json(server.get(q));
        long total = body.get(q.equals("/api/stats") ? "documents" : "total").asLong();
        committed.computeIfAbsent(q, k -> ConcurrentHashMap.newKeySet()).add(total);
        if (q.equals("/api/stats")) counts.add(total);
      }
    }
  }

  private static void assertNonDecreasing(String query, List<Long> totals) {
    for (int i = 1; i < totals.size(); i++) {
      assertTrue(
          totals.get(i) >= totals.get(i - 1),
          query + " went down from " + totals.get(i - 1) + " to " + totals.get(i));
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }
}
