package org.abstracta.indexer.ingest;

import java.io.IOException;
import java.io.Reader;

/** A format read as one document: an author page, a digest, a calendar. */
public non-sealed interface WholeFileParser extends PaperParser {

  /**
   * Reads every record of {@code text} into {@code sink}.
   *
   * @throws IOException only when the input cannot be read at all
   */
  void parse(Reader text, InputFile input, ParseContext context, RecordSink sink)
      throws IOException;
}
