package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.abstracta.indexer.embed.EmbedOptions;
import org.abstracta.indexer.embed.EmbedRun;
import org.abstracta.indexer.embed.EmbedSummary;
import org.abstracta.indexer.embed.Embedder;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexSummary;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The Abstracta index of a collection's corpus, built with the real indexer ({@link IndexRun},
 * {@code beir} format) and its embedding stage ({@link EmbedRun}), and reused while it matches: a
 * stamp file in the index directory records the corpus file (path, size, modification time) and
 * {@link PaperDocuments#SCHEMA_VERSION}; any difference rebuilds it. The embedding stage runs on
 * every use: it embeds only papers without a vector, so an interrupted build resumes and a built
 * one costs a check. A directory holding an index without a stamp is never overwritten.
 */
public final class EvalIndex {
  static final String STAMP = "abstracta-eval.properties";

  /**
   * The index, ready to search.
   *
   * @param reused it was already built from this corpus
   * @param documents documents in the index after a build; -1 when reused
   * @param embedded papers embedded now (0 when every paper already had its vector)
   * @param withVectors papers with a vector
   */
  public record Prepared(
      Path dir, boolean reused, int documents, double seconds, long embedded, long withVectors) {}

  private EvalIndex() {}

  static Prepared prepare(Path indexDir, Path corpus, boolean rebuild, Embedder embedder)
      throws IOException, IndexerException {
    long start = System.nanoTime();
    Properties wanted = stamp(corpus);
    Path stampFile = indexDir.resolve(STAMP);
    boolean hasIndex = hasIndex(indexDir);
    if (hasIndex && !Files.isRegularFile(stampFile)) {
      throw new IndexerException(
          indexDir
              + " holds an index that 'abstracta eval' did not build; pass another --index"
              + " (eval replaces the contents of its index directory)",
          2,
          null);
    }
    if (!rebuild && hasIndex && wanted.equals(read(stampFile))) {
      EmbedSummary vectors = embed(indexDir, embedder);
      return new Prepared(
          indexDir, true, -1, seconds(start), vectors.embedded(), vectors.withVectors());
    }
    Files.createDirectories(indexDir);
    Files.deleteIfExists(stampFile);
    IndexOptions options =
        IndexOptions.defaults(indexDir)
            .withFormat(Formats.byName("beir").orElseThrow())
            .withRebuild(true)
            .withAsOf(LocalDate.now());
    IndexSummary summary = IndexRun.run(List.of(corpus), options);
    try (Writer w = Files.newBufferedWriter(stampFile, StandardCharsets.UTF_8)) {
      wanted.store(w, "The corpus this index was built from, by abstracta eval");
    }
    EmbedSummary vectors = embed(indexDir, embedder);
    return new Prepared(
        indexDir,
        false,
        summary.documents(),
        seconds(start),
        vectors.embedded(),
        vectors.withVectors());
  }

  /** The papers without a vector embedded, in batches, with a progress bar on a terminal. */
  private static EmbedSummary embed(Path indexDir, Embedder embedder) throws IndexerException {
    return EmbedRun.run(
        EmbedOptions.defaults(indexDir).withProgress(System.console() != null), embedder);
  }

  private static Properties stamp(Path corpus) throws IOException {
    Properties p = new Properties();
    p.setProperty("corpus", corpus.toAbsolutePath().normalize().toString());
    p.setProperty("size", Long.toString(Files.size(corpus)));
    p.setProperty("modified", Long.toString(Files.getLastModifiedTime(corpus).toMillis()));
    p.setProperty("schema", Integer.toString(PaperDocuments.SCHEMA_VERSION));
    return p;
  }

  private static Properties read(Path stampFile) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(stampFile, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static boolean hasIndex(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return false;
    try (FSDirectory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
