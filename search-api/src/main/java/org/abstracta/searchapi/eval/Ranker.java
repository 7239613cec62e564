package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.util.List;

/** A system under evaluation: ranks a collection's documents for a query's text. Thread-safe. */
public interface Ranker extends AutoCloseable {

  /** The system's name in the report. */
  String name();

  /** A one-word tag: the run file's last column, the prefix of its per-query columns. */
  String tag();

  /** At most {@code depth} documents for {@code queryText}, best first, with BEIR ids. */
  List<ScoredDoc> rank(String queryText, int depth) throws IOException;

  /** Queries the system refused (past a query limit): evaluated as finding nothing. */
  default int refused() {
    return 0;
  }

  @Override
  void close() throws IOException;
}
