package org.abstracta.indexer.ingest;

import org.abstracta.indexer.model.Paper;

/** A format with one record per line (JSON lines), parsed line by line, in parallel. */
public non-sealed interface LineParser extends PaperParser {

  /**
   * The paper on one line.
   *
   * @return the paper, or null for a line that holds no record (blank)
   * @throws BadRecordException when the line is not a readable record; its message says why
   */
  Paper parseLine(String line, InputFile input, ParseContext context) throws BadRecordException;
}
