package org.abstracta.indexer.index;

import java.util.List;
import org.abstracta.indexer.model.Paper;

/**
 * What to write for one incoming record.
 *
 * @param merged the document to write (its id is the target)
 * @param existing the document it replaces, or null for a new paper
 * @param absorbed ids of title-only documents that the merged paper replaces (to delete)
 */
record Resolution(Paper merged, Paper existing, List<String> absorbed) {

  enum Outcome {
    NEW,
    UPDATED,
    UNCHANGED
  }

  Outcome outcome() {
    if (existing == null && absorbed.isEmpty()) return Outcome.NEW;
    if (absorbed.isEmpty() && merged.equals(existing)) return Outcome.UNCHANGED;
    return Outcome.UPDATED;
  }
}
