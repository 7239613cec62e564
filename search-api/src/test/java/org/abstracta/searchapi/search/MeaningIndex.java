package org.abstracta.searchapi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.abstracta.indexer.embed.EmbedOptions;
import org.abstracta.indexer.embed.EmbedRun;
import org.abstracta.indexer.embed.LazyEmbedder;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.abstracta.searchapi.search.engine.Meaning;
import org.abstracta.searchapi.search.vector.Fusion;
import org.abstracta.searchapi.search.vector.QueryVectors;

/**
 * A small index with vectors from the real model, built once per JVM: the embedding stage's 13
 * fixture papers (robotics, galaxies, genomics and one language-model paper, labelled; a talk on
 * robot hands without subjects, which gets inferred ones; a paper without words, which gets no
 * vector), embedded, then one more paper indexed after the embedding, so it has no vector: {@link
 * #LATE}.
 */
public final class MeaningIndex {
  /** The embedding stage's fixture (the indexer module's test resources). */
  public static final Path PAPERS =
      Path.of("..", "indexer", "src", "test", "resources", "embed", "papers.jsonl");

  /** Papers in the index: the 13 of the fixture and {@link #LATE}. */
  public static final int DOCUMENTS = 14;

  /** Papers with a vector: all but the one without words and {@link #LATE}. */
  public static final int WITH_VECTORS = 12;

  /** The talk without subjects: it gets inferred ones. */
  public static final String TALK = "t-talk-robot-hands";

  /** The paper indexed after the embedding: found by its words only. */
  public static final String LATE = "2401.00099";

  private static Path dir;
  private static LazyEmbedder model;
  private static IndexSearchService service;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(MeaningIndex::closeAndDelete));
  }

  private MeaningIndex() {}

  /** The model, loaded once for the tests of this JVM. */
  public static synchronized LazyEmbedder model() {
    if (model == null) model = new LazyEmbedder();
    return model;
  }

  /** The index directory; only to read. */
  public static synchronized Path shared() {
    if (dir == null) {
      try {
        Path d = Files.createTempDirectory("abstracta-meaning-index");
        IndexRun.run(List.of(PAPERS), IndexOptions.defaults(d).withAsOf(SeedIndex.AS_OF));
        EmbedRun.run(EmbedOptions.defaults(d), model());
        Path late = Files.createTempDirectory("abstracta-late").resolve("late.jsonl");
        Files.writeString(
            late,
            "{\"id\": \""
                + LATE
                + "\", \"title\": \"Folding laundry with two robot arms\", \"abstract\":"
                + " \"A bimanual robot folds towels and shirts after watching people fold"
                + " laundry.\", \"subjects\": [{\"code\": \"cs.RO\", \"label\": \"Robotics\"}]}\n");
        IndexRun.run(List.of(late), IndexOptions.defaults(d).withAsOf(SeedIndex.AS_OF));
        dir = d;
      } catch (Exception e) {
        throw new IllegalStateException("building the meaning index failed", e);
      }
    }
    return dir;
  }

  /** One service over {@link #shared()} with the shared model, for the tests that only read. */
  public static synchronized IndexSearchService service() {
    if (service == null) service = open(Fusion.Settings.DEFAULT);
    return service;
  }

  /**
   * A service of its own over {@link #shared()} fusing with {@code fusion}; the caller closes it.
   */
  public static IndexSearchService open(Fusion.Settings fusion) {
    try {
      return IndexSearchService.open(
          shared(),
          IndexSearchService.DEFAULT_TIME_BUDGET,
          new Meaning(QueryVectors.of(model()), fusion));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void closeAndDelete() {
    try {
      if (service != null) service.close();
      if (model != null) model.close();
      if (dir != null) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
