package org.abstracta.indexer.ingest;

/**
 * A reader for one input format.
 *
 * <p>To add a format: implement {@link WholeFileParser} (a page or document that is read as a
 * whole) or {@link LineParser} (one record per line, which the pipeline parses in parallel); give
 * it a {@link #format()} name and a cheap {@link #accepts} test on the start of a file; register it
 * in {@link Formats#ALL}, before any format whose test it might also pass. Readers return {@link
 * org.abstracta.indexer.model.Paper} records, never Lucene documents, and report a record they
 * cannot read as a skip with its line and reason rather than throwing.
 */
public sealed interface PaperParser permits WholeFileParser, LineParser {

  /** The format's name as {@code --format} and {@code sources} spell it. */
  String format();

  /**
   * Whether a file that starts with {@code head} (its first few kilobytes, decoded as UTF-8) is in
   * this format.
   */
  boolean accepts(String head, String fileName);
}
