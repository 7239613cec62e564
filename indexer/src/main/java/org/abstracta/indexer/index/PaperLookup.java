package org.abstracta.indexer.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.model.Paper;

/** Finds the papers an index already holds, by id or by normalized title. */
public interface PaperLookup {

  /** The paper with this id, or null. */
  Paper byId(String id) throws IOException;

  /** Every paper whose normalized title is {@code titleKey}, in id order. */
  List<Paper> byTitleKey(String titleKey) throws IOException;

  /**
   * A lookup ready for the ids and titles of {@code papers}, a batch about to be resolved: where a
   * remote store fetches them all in one request. By default this lookup itself.
   */
  default PaperLookup prefetch(List<Paper> papers) throws IOException {
    return this;
  }

  /**
   * The vectors of the paper with this id, by field; empty when it has none or is not found. By
   * default none: the lookups of a store that holds no vectors (OpenSearch).
   */
  default Map<String, float[]> vectors(String id) throws IOException {
    return Map.of();
  }
}
