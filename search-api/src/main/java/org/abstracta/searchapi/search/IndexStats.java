package org.abstracta.searchapi.search;

import java.util.Map;

/**
 * What the served index holds.
 *
 * @param documents live documents
 * @param perType documents per type
 * @param lastCommit when the served commit was made (ISO instant), or null
 * @param generation the served commit's generation
 * @param withVectors live documents with a vector of the service's embedding model (searchable by
 *     meaning)
 * @param vectorModel the embedding model those vectors are of (its name), or null when the index
 *     has none of its vectors
 */
public record IndexStats(
    long documents,
    Map<String, Long> perType,
    String lastCommit,
    long generation,
    long withVectors,
    String vectorModel) {

  /** Stats of an index without vectors. */
  public IndexStats(long documents, Map<String, Long> perType, String lastCommit, long generation) {
    this(documents, perType, lastCommit, generation, 0, null);
  }
}
