package org.abstracta.searchapi.search.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.abstracta.searchapi.search.SnapshotCounts;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * Keeps the served snapshot current: one {@link SearcherManager} over the index directory, and a
 * daemon thread that asks it every {@code interval} whether another process committed (an {@code
 * abstracta index} run), so new commits are served within about that interval without a restart. An
 * index directory without a commit yet is served as empty until its first commit appears.
 *
 * <p>It counts snapshots opened and closed (a reader's closed listener fires when its reference
 * count reaches zero) and searchers in use, so a leak — a request that never releases its searcher,
 * a replaced snapshot never closed — shows in {@link #counts()} and on {@code /metrics}.
 */
final class IndexRefresher implements Closeable {
  private static final System.Logger LOG = System.getLogger(IndexRefresher.class.getName());

  /** What to do with the current snapshot's searcher. */
  interface SearcherFunction<T> {
    T apply(PaperSearcher searcher) throws IOException;
  }

  private final Directory directory;
  private final ScheduledExecutorService timer;
  private volatile SearcherManager manager;
  private volatile boolean closed;
  private final AtomicLong snapshotsOpened = new AtomicLong();
  private final AtomicLong snapshotsClosed = new AtomicLong();
  private final AtomicLong searchersInUse = new AtomicLong();

  IndexRefresher(Directory directory, Duration interval) throws IOException {
    this.directory = directory;
    openIfCommitted();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "abstracta-index-refresher");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs {@code fn} on the current snapshot, or returns {@code whenEmpty} while there is none. The
   * searcher is released afterwards, also when {@code fn} throws.
   */
  <T> T withSearcher(SearcherFunction<T> fn, T whenEmpty) {
    SearcherManager m = manager;
    if (m == null) return whenEmpty;
    PaperSearcher s;
    try {
      s = (PaperSearcher) m.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searchersInUse.incrementAndGet();
    try {
      return fn.apply(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      searchersInUse.decrementAndGet();
      try {
        m.release(s);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "releasing a searcher failed", e);
      }
    }
  }

  SnapshotCounts counts() {
    return new SnapshotCounts(snapshotsOpened.get(), snapshotsClosed.get(), searchersInUse.get());
  }

  /**
   * The reader of the snapshot served now, released again: only to inspect (its reference count),
   * never to search. Null while there is none.
   */
  IndexReader servedReader() {
    return withSearcher(IndexSearcher::getIndexReader, null);
  }

  /** Checks for a new commit now (also what the timer does). */
  void refresh() {
    if (closed) return;
    try {
      SearcherManager m = manager;
      if (m == null) openIfCommitted();
      else m.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // A commit being written or a directory briefly unreadable: try again on the next tick.
      LOG.log(Level.WARNING, "index refresh failed, will retry: " + e);
    }
  }

  private synchronized void openIfCommitted() throws IOException {
    if (manager != null || closed) return;
    boolean exists;
    try {
      exists = DirectoryReader.indexExists(directory);
    } catch (IOException e) {
      exists = false; // the directory does not exist yet
    }
    if (exists) manager = new SearcherManager(directory, countingFactory());
  }

  /** {@link PaperSearcher#factory()}, counting each snapshot it opens and, later, its closing. */
  private SearcherFactory countingFactory() {
    SearcherFactory papers = PaperSearcher.factory();
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
          throws IOException {
        IndexSearcher searcher = papers.newSearcher(reader, previous);
        snapshotsOpened.incrementAndGet();
        reader.getReaderCacheHelper().addClosedListener(key -> snapshotsClosed.incrementAndGet());
        return searcher;
      }
    };
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    SearcherManager m = manager;
    manager = null;
    if (m != null) m.close();
  }
}
