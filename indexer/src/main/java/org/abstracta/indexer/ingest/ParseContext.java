package org.abstracta.indexer.ingest;

import java.time.LocalDate;
import org.abstracta.indexer.text.DateResolver;

/**
 * What a reader needs besides the file itself.
 *
 * @param asOf the reference date: a printed date without a year takes the year that puts it on or
 *     before this day
 */
public record ParseContext(LocalDate asOf) {

  public DateResolver dates() {
    return new DateResolver(asOf);
  }
}
