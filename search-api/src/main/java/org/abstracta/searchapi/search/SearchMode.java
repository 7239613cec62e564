package org.abstracta.searchapi.search;

import java.util.Locale;

/**
 * How a search ranks: by its words, by meaning (the query's vector against the papers' vectors), or
 * both fused. A request that names none gets the measured default: hybrid for a sentence (a pasted
 * claim, question or abstract), keyword for keywords, which so never wait for the model
 * (docs/relevance.md).
 */
public enum SearchMode {
  /** Words only: the query language as documented, ranked by BM25. */
  KEYWORD,
  /** Meaning only: the nearest papers to the query's vector that pass the filters. */
  SEMANTIC,
  /** Both: the keyword top and the vector top fused by their normalized scores. */
  HYBRID;

  /**
   * Papers a search by meaning asks for: semantic mode's results, and hybrid mode's vector side and
   * keyword top that it fuses.
   */
  public static final int NEAREST = 100;

  /** Hybrid mode's weight on the vector side, measured (docs/relevance.md). */
  public static final double VECTOR_WEIGHT = 0.6;

  /** The API's spelling: {@code keyword}, {@code semantic}, {@code hybrid}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode spelled {@code value} (any case), or null when it is none. */
  public static SearchMode parse(String value) {
    if (value == null) return null;
    for (SearchMode m : values()) {
      if (m.value().equalsIgnoreCase(value.strip())) return m;
    }
    return null;
  }
}
