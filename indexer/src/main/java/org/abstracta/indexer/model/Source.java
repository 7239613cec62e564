package org.abstracta.indexer.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One input a paper was read from.
 *
 * @param file the input file's name (no directories, so the same input indexed from another working
 *     directory is still the same source)
 * @param format the reader that understood it ({@code author-page}, {@code arxiv-json}, ...)
 * @param owner for an author page, whose page it is; otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String file, String format, String owner) implements Comparable<Source> {

  /** A short name for the source facet: the page owner's name, else the file name. */
  public String facetValue() {
    return owner != null ? owner + " (author page)" : file;
  }

  @Override
  public int compareTo(Source o) {
    int c = file.compareTo(o.file);
    if (c == 0) c = format.compareTo(o.format);
    if (c == 0) c = String.valueOf(owner).compareTo(String.valueOf(o.owner));
    return c;
  }
}
