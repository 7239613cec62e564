package org.abstracta.indexer.embed;

/**
 * Turns text into unit-length vectors: what the embedding stage and the search side need of a
 * model. {@link EmbeddingModel} is the real one; tests wrap it to count calls.
 *
 * <p>Implementations are safe to call from several threads at once.
 */
public interface Embedder {
  /** What makes this embedder's vectors (and so which field holds them). */
  ModelInfo model();

  /** The unit-length vector of a paper's text, or null when the text has no words to embed. */
  float[] embed(String text);

  /**
   * The unit-length vector of a user's query (with the model's query instruction), or null for a
   * blank query. Compare it with the vectors of {@link ModelInfo#field()}.
   */
  float[] embedQuery(String query);
}
