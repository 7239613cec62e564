package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.abstracta.indexer.index.IndexWriterFactory;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperType;
import org.abstracta.indexer.model.Subject;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.GeneratedPapers;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SnapshotCounts;
import org.abstracta.searchapi.search.SortOrder;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing leaks across 50 refreshes: after 50 commits by a writer beside the service (as a
 * long-running indexer makes them, merging segments away as it goes), each picked up and searched
 * every way the API searches (facets, filters, papers, similar papers, completions, facet
 * listings), every replaced snapshot's reader is closed (reference count 0), no searcher is left
 * acquired, the JVM holds no more file descriptors than a small bound over the start, no file of an
 * old commit stays open or mapped, and the heap after a GC has not grown by more than a few MiB.
 */
class RefreshLeakIT {
  private static final int REFRESHES = 50;
  private static final long FD_BOUND = 16;
  private static final long HEAP_BOUND_BYTES = 48L << 20;
  private static final PaperDocuments DOCUMENTS = new PaperDocuments();

  @TempDir Path dir;

  @Test
  void fifty_refreshes_leave_no_reader_file_or_searcher_behind() throws Exception {
    Path index = dir.resolve("index");
    SeedIndex.index(index, SeedIndex.corpus());
    long documents = SeedIndex.SEED_DOCUMENTS;
    try (IndexSearchService service = IndexSearchService.open(index);
        Directory directory = IndexWriterFactory.open(index);
        IndexWriter writer = IndexWriterFactory.writer(directory, false)) {
      // Warm up: a few runs, so caches and class loading are not counted as growth.
      for (int run = 0; run < 3; run++)
        documents = commitAndExercise(service, writer, run, documents);
      long fdsStart = openFds();
      long heapStart = heapAfterGc();
      long openedStart = service.snapshots().opened();

      List<IndexReader> replaced = new ArrayList<>();
      for (int run = 3; run < 3 + REFRESHES; run++) {
        replaced.add(service.servedReader());
        documents = commitAndExercise(service, writer, run, documents);
      }
      IndexReader served = service.servedReader();

      for (IndexReader r : replaced) assertEquals(0, r.getRefCount(), "a replaced reader is open");
      assertTrue(served.getRefCount() >= 1);
      SnapshotCounts counts = service.snapshots();
      assertEquals(REFRESHES, counts.opened() - openedStart, counts.toString());
      assertEquals(1, counts.open(), counts.toString());
      assertEquals(0, counts.inUse(), counts.toString());

      long fdsEnd = openFds();
      long heapEnd = heapAfterGc();
      List<String> stale = staleIndexFiles(index);
      System.out.printf(
          "refresh leak check, %d refreshes: fds %d -> %d, heap after GC %.1f -> %.1f MiB,"
              + " files of old commits held %d, %s%n",
          REFRESHES,
          fdsStart,
          fdsEnd,
          heapStart / 1048576.0,
          heapEnd / 1048576.0,
          stale.size(),
          counts);
      assertEquals(List.of(), stale, "files of old commits still open or mapped");
      assertTrue(fdsEnd - fdsStart <= FD_BOUND, "fds " + fdsStart + " -> " + fdsEnd);
      assertTrue(
          heapEnd - heapStart <= HEAP_BOUND_BYTES, "heap after GC " + heapStart + " -> " + heapEnd);
    }
  }

  /** A commit of ten new papers, picked up, then searched every way; the new count. */
  private static long commitAndExercise(
      IndexSearchService service, IndexWriter writer, int run, long documents) throws Exception {
    SplittableRandom random = new SplittableRandom(run);
    for (int n = 0; n < 10; n++) {
      StringBuilder words = new StringBuilder();
      for (int w = 0; w < 30; w++) {
        words.append(GeneratedPapers.COMMON.get(random.nextInt(8))).append(random.nextInt(500));
        words.append(' ');
      }
      Paper paper =
          Paper.builder()
              .id("gen-" + run + "-" + n)
              .type(PaperType.PAPER)
              .title(GeneratedPapers.COMMON.get(n % 8) + " " + run)
              .abstractText(words.toString())
              .authors(List.of("Author " + random.nextInt(100)))
              .subjects(List.of(new Subject("cs.LG", "Machine Learning")))
              .date(LocalDate.of(2019 + n % 6, 1 + n, 1))
              .build();
      writer.updateDocument(PaperDocuments.idTerm(paper.id()), DOCUMENTS.toDocument(paper));
    }
    writer.commit();
    long expected = documents + 10;
    service.refresh();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (service.stats().documents() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
      service.refresh();
    }
    assertEquals(expected, service.stats().documents());
    service.search(SearchRequest.of("learning model"));
    service.search(
        new SearchRequest(
            "graph~ galax*",
            Map.of("subject", List.of("cs.LG", "cs"), "year", List.of("2019..2024")),
            SortOrder.NEWEST,
            2,
            5,
            null,
            null,
            true));
    String id = "gen-" + run + "-0";
    assertTrue(service.paper(id).isPresent(), id);
    service.similar(id, 5);
    service.suggest("lea", 8);
    service.facetValues("author", "a", 10);
    return expected;
  }

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /**
   * Files of the index the process still holds that are no longer in it (deleted by merges or
   * superseded commits): open descriptors, and memory mappings.
   */
  private static List<String> staleIndexFiles(Path index) throws IOException {
    String where = index.toRealPath().toString();
    Set<String> current;
    try (Stream<Path> files = Files.list(index)) {
      current = Set.copyOf(files.map(p -> p.toAbsolutePath().toString()).toList());
    }
    List<String> stale = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith(where) && !current.contains(target.replace(" (deleted)", ""))) {
            stale.add("fd " + target);
          }
        } catch (IOException e) {
          // The descriptor closed while listing.
        }
      }
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
      int at = line.indexOf(where);
      if (at >= 0 && line.endsWith("(deleted)")) stale.add("map " + line.substring(at));
    }
    return stale;
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
