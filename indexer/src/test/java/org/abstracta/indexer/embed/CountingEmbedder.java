package org.abstracta.indexer.embed;

import java.util.concurrent.atomic.AtomicInteger;

/** An embedder that counts the texts it embeds, and may claim to be another model. */
final class CountingEmbedder implements Embedder {
  private final Embedder real;
  private final ModelInfo claimed;
  final AtomicInteger texts = new AtomicInteger();

  CountingEmbedder(Embedder real) {
    this(real, real.model());
  }

  CountingEmbedder(Embedder real, ModelInfo claimed) {
    this.real = real;
    this.claimed = claimed;
  }

  @Override
  public ModelInfo model() {
    return claimed;
  }

  @Override
  public float[] embed(String text) {
    texts.incrementAndGet();
    return real.embed(text);
  }

  @Override
  public float[] embedQuery(String query) {
    return real.embedQuery(query);
  }
}
