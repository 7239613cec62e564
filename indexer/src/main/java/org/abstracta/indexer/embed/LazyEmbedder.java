package org.abstracta.indexer.embed;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bundled {@link EmbeddingModel}, loaded on the first text to embed: a run with nothing to
 * embed (re-indexing unchanged input) never pays the model's loading time. Loaded once; closing
 * closes it.
 */
public final class LazyEmbedder implements Embedder, AutoCloseable {
  private EmbeddingModel model;
  private boolean closed;

  @Override
  public ModelInfo model() {
    return EmbeddingModel.BGE_SMALL_EN_V15_Q;
  }

  private synchronized EmbeddingModel loaded() {
    if (closed) throw new IllegalStateException("the embedding model is closed");
    if (model == null) {
      try {
        model = EmbeddingModel.load();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }

  @Override
  public float[] embed(String text) {
    return loaded().embed(text);
  }

  @Override
  public float[] embedQuery(String query) {
    return loaded().embedQuery(query);
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (model != null) model.close();
  }
}
