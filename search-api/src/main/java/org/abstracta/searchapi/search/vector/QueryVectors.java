package org.abstracta.searchapi.search.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.abstracta.indexer.embed.Embedder;
import org.abstracta.indexer.embed.LazyEmbedder;
import org.abstracta.indexer.embed.ModelInfo;

/**
 * The vectors of queries, from one embedding model shared by every search of a service. The model
 * loads on the first query that needs it (a keyword search never waits for it); a model that cannot
 * load is reported once ({@link #failure()}) and not tried again, and searches go on by keywords.
 * The last {@value #CACHED} queries' vectors are kept: paging or filtering a query embeds it once.
 * Thread-safe; closing closes the model if this instance made it.
 */
public final class QueryVectors implements AutoCloseable {
  /** Query vectors kept (about 1.6 KB each for 384 dimensions). */
  static final int CACHED = 1_024;

  private static final System.Logger LOG = System.getLogger(QueryVectors.class.getName());

  private final Embedder embedder;
  private final AutoCloseable owned;
  private final Map<String, float[]> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHED;
        }
      };

  /** Embeds beside the keyword search, so a hybrid search waits for the longer of the two. */
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "abstracta-query-embedding");
            t.setDaemon(true);
            return t;
          });

  private volatile String failure;

  private QueryVectors(Embedder embedder, AutoCloseable owned) {
    this.embedder = embedder;
    this.owned = owned;
  }

  /** The bundled model (bge-small-en-v1.5), loaded on first use and closed with this. */
  public static QueryVectors bundled() {
    LazyEmbedder lazy = new LazyEmbedder();
    return new QueryVectors(lazy, lazy);
  }

  /** Queries embedded by {@code embedder}, which the caller closes. */
  public static QueryVectors of(Embedder embedder) {
    return new QueryVectors(embedder, null);
  }

  /** The model the vectors are of: they are compared only with its field's vectors. */
  public ModelInfo model() {
    return embedder.model();
  }

  /** Why the model could not be used, or null while it can. */
  public String failure() {
    return failure;
  }

  /**
   * The vector of {@code text}, computed on another thread: null for a text without words to embed
   * or when the model cannot load ({@link #failure()} says why).
   */
  public CompletableFuture<float[]> embedLater(String text) {
    float[] cached = cached(text);
    if (cached != null || failure != null) return CompletableFuture.completedFuture(cached);
    return CompletableFuture.supplyAsync(() -> embed(text), pool);
  }

  /** As {@link #embedLater}, on this thread. */
  public float[] embed(String text) {
    if (text == null || text.isBlank() || failure != null) return null;
    float[] v = cached(text);
    if (v != null) return v;
    try {
      v = embedder.embedQuery(text);
    } catch (UncheckedIOException | LinkageError e) {
      // The model (or ONNX Runtime's native library) cannot load: no use trying again.
      failure = "the embedding model cannot load: " + e.getMessage();
      LOG.log(System.Logger.Level.WARNING, failure);
      return null;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a query could not be embedded: " + e);
      return null;
    }
    if (v != null) {
      synchronized (cache) {
        cache.put(text, v);
      }
    }
    return v;
  }

  private float[] cached(String text) {
    synchronized (cache) {
      return cache.get(text);
    }
  }

  @Override
  public void close() throws IOException {
    pool.shutdownNow();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS); // a query being embedded finishes first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (owned == null) return;
    try {
      owned.close();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
