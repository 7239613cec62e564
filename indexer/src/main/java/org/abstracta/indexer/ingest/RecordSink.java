package org.abstracta.indexer.ingest;

import org.abstracta.indexer.model.Paper;

/** Where a reader delivers what it read: papers, and skips with their line and reason. */
public interface RecordSink {

  /** A record read from {@code line} (1-based) of the current file. */
  void paper(Paper paper, int line);

  /** A record at {@code line} that could not be read, and why, in words a user understands. */
  void skip(int line, String reason);
}
