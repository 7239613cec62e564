package org.abstracta.searchapi.search.engine;

import org.abstracta.searchapi.search.vector.Fusion;
import org.abstracta.searchapi.search.vector.QueryVectors;

/**
 * What a service searches by meaning with: the query side of the embedding model, and how hybrid
 * mode fuses the two rankings.
 */
public record Meaning(QueryVectors vectors, Fusion.Settings fusion) {

  /** The bundled model, loaded on the first query that needs it, and the measured fusion. */
  public static Meaning bundled() {
    return new Meaning(QueryVectors.bundled(), Fusion.Settings.DEFAULT);
  }
}
