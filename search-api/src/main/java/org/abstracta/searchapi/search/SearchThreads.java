package org.abstracta.searchapi.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.IndexSearcher.LeafSlice;
import org.apache.lucene.search.TaskExecutor;

/**
 * The threads one search shares its work with, so that a single request uses every core: its
 * segments are scored in slices side by side, and its facet dimensions are counted side by side.
 * One pool for the whole process, a thread per core; the requesting thread works too and runs
 * whatever no pool thread has started (Lucene's {@link TaskExecutor}), so a busy pool slows a
 * request down to sequential at worst, never blocks it.
 */
final class SearchThreads {
  static final int COUNT = Runtime.getRuntime().availableProcessors();

  private static final AtomicInteger NUMBER = new AtomicInteger();

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          COUNT,
          r -> {
            Thread t = new Thread(r, "abstracta-search-" + NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /** Runs a request's independent tasks on the pool and the calling thread. */
  static final TaskExecutor TASKS = new TaskExecutor(POOL);

  private SearchThreads() {}

  static ExecutorService pool() {
    return POOL;
  }

  /**
   * Whole segments in at most {@code n} slices of about equal documents: the largest segment goes
   * to the slice with the fewest documents so far. Slices keep segment order within them.
   */
  static LeafSlice[] slices(List<LeafReaderContext> leaves, int n) {
    int count = Math.max(1, Math.min(n, leaves.size()));
    List<List<LeafReaderContext>> slices = new ArrayList<>();
    long[] docs = new long[count];
    for (int i = 0; i < count; i++) slices.add(new ArrayList<>());
    List<LeafReaderContext> bySize = new ArrayList<>(leaves);
    bySize.sort(Comparator.comparingInt((LeafReaderContext c) -> c.reader().maxDoc()).reversed());
    for (LeafReaderContext leaf : bySize) {
      int smallest = 0;
      for (int i = 1; i < count; i++) if (docs[i] < docs[smallest]) smallest = i;
      slices.get(smallest).add(leaf);
      docs[smallest] += leaf.reader().maxDoc();
    }
    List<LeafSlice> out = new ArrayList<>();
    for (List<LeafReaderContext> slice : slices) {
      if (slice.isEmpty()) continue;
      slice.sort(Comparator.comparingInt(c -> c.ord));
      out.add(
          new LeafSlice(
              slice.stream().map(LeafReaderContextPartition::createForEntireSegment).toList()));
    }
    return out.toArray(LeafSlice[]::new);
  }
}
