package org.abstracta.searchapi.search;

import java.time.LocalDate;
import java.util.List;
import org.abstracta.indexer.model.Subject;

/**
 * One search hit.
 *
 * @param highlights title and abstract snippets: matched words in {@code <mark>}, all else
 *     HTML-escaped
 * @param explanation why it scored as it did, in words; null unless asked for
 * @param yearInferred the input printed the date without a year: {@code date}'s year is a guess
 */
public record Hit(
    String id,
    float score,
    String title,
    List<String> authors,
    List<Subject> subjects,
    LocalDate date,
    String type,
    boolean hasCode,
    Highlights highlights,
    String explanation,
    boolean yearInferred) {

  /** Escaped, marked-up snippets of title and abstract. */
  public record Highlights(String title, String abstractText) {}
}
