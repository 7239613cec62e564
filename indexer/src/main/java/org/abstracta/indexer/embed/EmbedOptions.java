package org.abstracta.indexer.embed;

import java.nio.file.Path;

/**
 * How to run the embedding stage.
 *
 * @param index the index directory (must hold an index)
 * @param batch papers per commit: a crash loses at most this many papers' work
 * @param threads papers embedded side by side (each on one core)
 * @param progress show a progress bar
 */
public record EmbedOptions(Path index, int batch, int threads, boolean progress) {
  /** Papers per commit by default: about 10 s of work on 2 cores. */
  public static final int DEFAULT_BATCH = 256;

  public static EmbedOptions defaults(Path index) {
    return new EmbedOptions(
        index, DEFAULT_BATCH, Runtime.getRuntime().availableProcessors(), false);
  }

  public EmbedOptions withBatch(int b) {
    return new EmbedOptions(index, b, threads, progress);
  }

  public EmbedOptions withThreads(int t) {
    return new EmbedOptions(index, batch, t, progress);
  }

  public EmbedOptions withProgress(boolean p) {
    return new EmbedOptions(index, batch, threads, p);
  }
}
