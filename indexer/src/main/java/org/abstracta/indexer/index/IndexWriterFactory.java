package org.abstracta.indexer.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.abstracta.indexer.schema.Analyzers;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Opens the index directory for writing with the settings an indexing run wants. */
public final class IndexWriterFactory {
  private IndexWriterFactory() {}

  public static Directory open(Path indexDir) throws IOException {
    Files.createDirectories(indexDir);
    return FSDirectory.open(indexDir);
  }

  public static IndexWriter writer(Directory dir, boolean rebuild) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField());
    // CREATE keeps the old commit readable (a running server keeps serving it) until ours lands.
    config.setOpenMode(
        rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(ramBufferMb(Runtime.getRuntime().maxMemory()));
    // Compound files save file handles for a long-running reader, at a small cost on flush.
    config.setUseCompoundFile(true);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setSegmentsPerTier(10);
    config.setMergePolicy(new SmallSegmentMerges(merges));
    ConcurrentMergeScheduler scheduler = new ConcurrentMergeScheduler();
    // Two cores: one merge thread keeps merging from starving parsing and analysis.
    scheduler.setMaxMergesAndThreads(4, 1);
    config.setMergeScheduler(scheduler);
    config.setCommitOnClose(false); // commits are explicit: one per run
    config.setCodec(new PaperCodec());
    return new IndexWriter(dir, config);
  }

  /**
   * The in-memory buffer for a JVM of {@code maxHeapBytes}: a quarter of the heap, 32 to 512 MB. A
   * large buffer means fewer, larger flushed segments and less merging (and fewer segments for
   * every query to visit); a quarter of the heap keeps the indexer under its memory budget on small
   * machines. (A 64 MB buffer indexed as fast with huge pages, see {@code src/bin/jvm-options.sh},
   * but left 8 segments at 112,788 papers instead of 3, and fuzzy words cost per segment.)
   */
  public static int ramBufferMb(long maxHeapBytes) {
    long quarterMb = maxHeapBytes / (4L * 1024 * 1024);
    return (int) Math.max(32, Math.min(512, quarterMb));
  }
}
