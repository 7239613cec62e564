package org.abstracta.indexer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.Locale;

/**
 * One input a paper was read from.
 *
 * @param file the input file's name (no directories, so the same input indexed from another working
 *     directory is still the same source)
 * @param format the reader that understood it ({@code author-page}, {@code arxiv-json}, ...)
 * @param owner for an author page, whose page it is; otherwise null
 * @param title what the input calls itself, when it says: a digest's own date line ("Oct 17"), a
 *     calendar's name ({@code X-WR-CALNAME}, "Talks.cam"); otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String file, String format, String owner, String title)
    implements Comparable<Source> {

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  private static final Comparator<Source> ORDER =
      Comparator.comparing(Source::file)
          .thenComparing(Source::format)
          .thenComparing(Source::owner, NULLS_FIRST)
          .thenComparing(Source::title, NULLS_FIRST);

  /** A source that gives no title of its own. */
  public Source(String file, String format, String owner) {
    this(file, format, owner, null);
  }

  /** A short name for the source facet: the page owner's name, else the file name. */
  public String facetValue() {
    return owner != null ? owner + " (author page)" : file;
  }

  /**
   * What a reader calls this input: "Jackie Kay — author page", "Daily papers, Oct 17", "Talks.cam
   * calendar", "arXiv metadata"; the file name when the format says nothing better.
   */
  public String label() {
    return switch (format == null ? "" : format) {
      case "author-page" -> owner == null ? "Author page" : owner + " — author page";
      case "daily-papers" -> title == null ? "Daily papers" : "Daily papers, " + title;
      case "icalendar" -> {
        if (title == null) yield "Calendar";
        yield title.toLowerCase(Locale.ROOT).endsWith("calendar") ? title : title + " calendar";
      }
      case "arxiv-json" -> "arXiv metadata";
      case "beir" -> "BEIR corpus";
      default -> file;
    };
  }

  /** Whether both name the same input (a title learned later does not make it another one). */
  public boolean sameInput(Source o) {
    return file.equals(o.file)
        && format.equals(o.format)
        && NULLS_FIRST.compare(owner, o.owner) == 0;
  }

  @Override
  public int compareTo(Source o) {
    return ORDER.compare(this, o);
  }
}
