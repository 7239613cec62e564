package org.abstracta.searchapi.search.facet;

import org.abstracta.indexer.text.Fold;

/** Case and accent folding for prefix matching of names and labels ("Pérez" ~ "perez"). */
public final class Folding {
  private Folding() {}

  public static String fold(String s) {
    return Fold.of(s);
  }

  /** Whether a word of {@code folded} (a space, hyphen or start before it) starts with prefix. */
  static boolean wordStartsWith(String folded, String prefix) {
    if (prefix.isEmpty() || folded.startsWith(prefix)) return true;
    for (int i = folded.indexOf(prefix, 1); i > 0; i = folded.indexOf(prefix, i + 1)) {
      char before = folded.charAt(i - 1);
      if (before == ' ' || before == '-' || before == '.' || before == '(') return true;
    }
    return false;
  }
}
