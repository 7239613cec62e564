package org.abstracta.searchapi.search.facet;

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
public final class SearchThreads {
  public static final int COUNT = Runtime.getRuntime().availableProcessors();

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
  public static final TaskExecutor TASKS = new TaskExecutor(POOL);

  private SearchThreads() {}

  static ExecutorService pool() {
    return POOL;
  }

  /**
   * The index in at most {@code n} slices of about equal documents. A segment larger than a slice's
   * share is cut into partitions (an index of one large segment still uses every core); then the
   * largest piece goes to the slice with the fewest documents so far that holds no other piece of
   * its segment (a slice must not see a segment twice). Pieces keep index order within a slice.
   */
  public static LeafSlice[] slices(List<LeafReaderContext> leaves, int n) {
    long total = 0;
    for (LeafReaderContext leaf : leaves) total += leaf.reader().maxDoc();
    int count = Math.max(1, n);
    long share = Math.max(1, (total + count - 1) / count);
    List<LeafReaderContextPartition> pieces = new ArrayList<>();
    for (LeafReaderContext leaf : leaves) {
      int maxDoc = leaf.reader().maxDoc();
      int parts = (int) Math.min(count, Math.max(1, (maxDoc + share - 1) / share));
      if (parts == 1) {
        pieces.add(LeafReaderContextPartition.createForEntireSegment(leaf));
        continue;
      }
      for (int i = 0; i < parts; i++) {
        int from = boundary(maxDoc, i, parts);
        int to = boundary(maxDoc, i + 1, parts);
        pieces.add(LeafReaderContextPartition.createFromAndTo(leaf, from, to));
      }
    }
    pieces.sort(Comparator.comparingInt(SearchThreads::size).reversed());
    List<List<LeafReaderContextPartition>> slices = new ArrayList<>();
    long[] docs = new long[count];
    for (int i = 0; i < count; i++) slices.add(new ArrayList<>());
    for (LeafReaderContextPartition piece : pieces) {
      int best = -1;
      for (int i = 0; i < count; i++) {
        boolean sameSegment = slices.get(i).stream().anyMatch(p -> p.ctx == piece.ctx);
        if (!sameSegment && (best < 0 || docs[i] < docs[best])) best = i;
      }
      slices.get(best).add(piece);
      docs[best] += size(piece);
    }
    List<LeafSlice> out = new ArrayList<>();
    for (List<LeafReaderContextPartition> slice : slices) {
      if (slice.isEmpty()) continue;
      slice.sort(
          Comparator.comparingInt((LeafReaderContextPartition p) -> p.ctx.ord)
              .thenComparingInt(p -> p.minDocId));
      out.add(new LeafSlice(slice));
    }
    return out.toArray(LeafSlice[]::new);
  }

  /**
   * Where part {@code part} of {@code parts} about equal parts of {@code size} items starts (part
   * {@code parts} is the end): how a segment, a page or a document range is shared out.
   */
  public static int boundary(int size, int part, int parts) {
    return (int) ((long) size * part / parts);
  }

  private static int size(LeafReaderContextPartition p) {
    return Math.min(p.maxDocId, p.ctx.reader().maxDoc()) - p.minDocId;
  }
}
