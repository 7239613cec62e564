package org.abstracta.searchapi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.searchapi.search.engine.IndexSearchService;

/**
 * Builds test indexes with the real indexer over the bundled 90-document seed corpus, and shares
 * one such index, and one service over it, among all the tests of a JVM that only read it.
 */
public final class SeedIndex {
  /** The reference date the seed corpus is indexed with (dates without a year resolve to it). */
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  public static final int SEED_DOCUMENTS = 90;

  /** The indexes {@link #shared} built, by the inputs they add to the corpus. */
  private static final Map<List<Path>, Path> SHARED = new HashMap<>();

  /** The directories {@link #shared} created, to delete at exit. */
  private static final List<Path> CREATED = new ArrayList<>();

  private static IndexSearchService service;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SeedIndex::closeAndDelete));
  }

  private SeedIndex() {}

  /** The seed corpus, {@code src/corpus} at the repository root. */
  public static Path corpus() {
    return Path.of("..", "src", "corpus");
  }

  /** The five arXiv snapshot records of the test resources. */
  public static Path arxivSample() throws Exception {
    return Path.of(SeedIndex.class.getResource("/arxiv-sample5.jsonl").toURI());
  }

  public static void index(Path indexDir, Path... inputs) throws Exception {
    IndexRun.run(List.of(inputs), IndexOptions.defaults(indexDir).withAsOf(AS_OF));
  }

  /**
   * The seed corpus, with {@code more} inputs after it, indexed once for all the tests of this JVM
   * into a temporary directory deleted when it exits. Only to read: a test that writes to its index
   * builds its own with {@link #index}.
   */
  public static synchronized Path shared(Path... more) {
    Path dir = SHARED.get(List.of(more));
    if (dir == null) {
      List<Path> inputs = new ArrayList<>(List.of(corpus()));
      inputs.addAll(List.of(more));
      try {
        dir = Files.createTempDirectory("abstracta-seed-index");
        CREATED.add(dir);
        index(dir, inputs.toArray(Path[]::new));
      } catch (Exception e) {
        throw new IllegalStateException("indexing " + inputs + " failed", e);
      }
      SHARED.put(List.of(more), dir);
    }
    return dir;
  }

  /**
   * One service over {@link #shared()} for all the tests of this JVM, closed when it exits; a test
   * that counts what a service does (snapshots, refreshes) opens its own.
   */
  public static synchronized IndexSearchService service() {
    if (service == null) {
      try {
        service = IndexSearchService.open(shared());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return service;
  }

  private static synchronized void closeAndDelete() {
    try {
      if (service != null) service.close();
      for (Path dir : CREATED) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
