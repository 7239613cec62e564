package org.abstracta.indexer.text;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/** Case and accent folding of names and labels ("Pérez" ~ "perez"). */
public final class Fold {
  private Fold() {}

  /** {@code s} in lower case with accents folded to ASCII. */
  public static String of(String s) {
    char[] in = s.toLowerCase(Locale.ROOT).toCharArray();
    char[] out = new char[in.length * 4];
    return new String(out, 0, ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length));
  }
}
