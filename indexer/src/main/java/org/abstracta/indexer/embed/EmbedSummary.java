package org.abstracta.indexer.embed;

/**
 * What one run of the embedding stage did.
 *
 * @param embedded papers given a vector in this run
 * @param noText papers without a title or abstract, which get no vector
 * @param withVectors papers in the index that have a vector of this model, after the run
 * @param documents papers in the index
 * @param inferred papers without subjects whose inferred subjects were (re)written
 * @param seconds the run's time
 */
public record EmbedSummary(
    long embedded, long noText, long withVectors, long documents, long inferred, double seconds) {

  /** Papers embedded per second of the run. */
  public double rate() {
    return seconds > 0 ? embedded / seconds : 0;
  }
}
