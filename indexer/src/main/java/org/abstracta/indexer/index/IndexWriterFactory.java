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
    // A large buffer means fewer, larger flushed segments and less merging; a quarter of the heap
    // keeps the indexer under its memory budget on small machines.
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    config.setRAMBufferSizeMB(Math.max(32, Math.min(512, heapMb / 4)));
    // Compound files save file handles for a long-running reader, at a small cost on flush.
    config.setUseCompoundFile(true);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setSegmentsPerTier(10);
    config.setMergePolicy(merges);
    ConcurrentMergeScheduler scheduler = new ConcurrentMergeScheduler();
    // Two cores: one merge thread keeps merging from starving parsing and analysis.
    scheduler.setMaxMergesAndThreads(4, 1);
    config.setMergeScheduler(scheduler);
    config.setCommitOnClose(false); // commits are explicit: one per run
    return new IndexWriter(dir, config);
  }
}
