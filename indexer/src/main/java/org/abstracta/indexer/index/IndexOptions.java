package org.abstracta.indexer.index;

import java.nio.file.Path;
import java.time.LocalDate;
import org.abstracta.indexer.ingest.PaperParser;

/**
 * How to run the indexer.
 *
 * @param index the index directory (created if missing)
 * @param format a forced format, or null to detect each file's
 * @param asOf reference date for dates printed without a year
 * @param rebuild start from an empty index (the old one stays readable until the commit)
 * @param threads threads that analyze and write; a quarter as many parse beside them (see {@link
 *     IndexRun})
 * @param progress show a progress bar
 */
public record IndexOptions(
    Path index,
    PaperParser format,
    LocalDate asOf,
    boolean rebuild,
    int threads,
    boolean progress) {

  public static IndexOptions defaults(Path index) {
    return new IndexOptions(
        index, null, LocalDate.now(), false, Runtime.getRuntime().availableProcessors(), false);
  }

  public IndexOptions withAsOf(LocalDate d) {
    return new IndexOptions(index, format, d, rebuild, threads, progress);
  }

  public IndexOptions withRebuild(boolean r) {
    return new IndexOptions(index, format, asOf, r, threads, progress);
  }

  public IndexOptions withFormat(PaperParser f) {
    return new IndexOptions(index, f, asOf, rebuild, threads, progress);
  }

  public IndexOptions withProgress(boolean p) {
    return new IndexOptions(index, format, asOf, rebuild, threads, p);
  }
}
