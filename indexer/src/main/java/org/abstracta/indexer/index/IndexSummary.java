package org.abstracta.indexer.index;

import java.util.List;

/**
 * What an index run did.
 *
 * @param files files read (in a known format)
 * @param filesSkipped files not read (unknown format, empty, unreadable)
 * @param read records read
 * @param created new documents
 * @param updated existing documents that gained something (a source, a field, a known id)
 * @param unchanged records that were already fully in the index
 * @param skipped records and files not indexed
 * @param skips the first {@link IndexRun#MAX_LISTED_SKIPS} of them, in file and line order
 * @param documents documents in the index after the run
 * @param seconds wall time of the run
 */
public record IndexSummary(
    int files,
    int filesSkipped,
    long read,
    long created,
    long updated,
    long unchanged,
    long skipped,
    List<Skip> skips,
    int documents,
    double seconds) {

  /** Records per second over the whole run. */
  public double rate() {
    return seconds > 0 ? read / seconds : 0;
  }
}
