package org.abstracta.searchapi.search.facet;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/** Case and accent folding for prefix matching of names and labels ("Pérez" ~ "perez"). */
public final class Folding {
  private Folding() {}

  public static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    char[] in = lower.toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, n);
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
