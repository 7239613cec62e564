package org.abstracta.indexer.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.model.Paper;

/** Finds the papers an index already holds, by id or by normalized title. */
interface PaperLookup {

  /** The paper with this id, or null. */
  Paper byId(String id) throws IOException;

  /** Every paper whose normalized title is {@code titleKey}, in id order. */
  List<Paper> byTitleKey(String titleKey) throws IOException;

  /** The vectors of the paper with this id, by field; empty when it has none or is not found. */
  Map<String, float[]> vectors(String id) throws IOException;
}
