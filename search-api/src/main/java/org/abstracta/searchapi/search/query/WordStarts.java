package org.abstracta.searchapi.search.query;

import java.util.Collection;

/**
 * How the words that may carry one of a set of terms start: the first two characters of each term
 * (lower case, folded), or its first one. A stemmer changes only a word's ending, so a word and its
 * stem share their first two letters — but for a second letter "y" turned "i" ({@code eyed} →
 * {@code ei}), and a stem with "i" second also admits words with "y" second. Highlighting analyses
 * only the words that start so.
 */
public final class WordStarts {
  private static final int ASCII = 128;

  /** {@code pairs[c0 * 128 + c1]}: a word starting with c0 c1 may carry a term. */
  private final boolean[] pairs = new boolean[ASCII * ASCII];

  /** A word starting with c0, whatever follows, may carry a term (a term of one character). */
  private final boolean[] anySecond = new boolean[ASCII];

  private WordStarts() {}

  /**
   * @param stems stem terms (their words may end otherwise)
   * @param words exact terms, without their mark
   */
  public static WordStarts of(Collection<String> stems, Collection<String> words) {
    WordStarts s = new WordStarts();
    for (String t : stems) s.add(t, true);
    for (String t : words) s.add(t, false);
    return s;
  }

  private void add(String term, boolean stem) {
    if (term.isEmpty() || term.charAt(0) >= ASCII) return; // no ASCII word starts so
    char c0 = term.charAt(0);
    if (term.length() == 1 || term.charAt(1) >= ASCII) {
      anySecond[c0] = true;
      return;
    }
    char c1 = term.charAt(1);
    pairs[c0 * ASCII + c1] = true;
    if (stem && c1 == 'i') pairs[c0 * ASCII + 'y'] = true;
  }

  /**
   * Whether a word whose first characters are {@code c0} and {@code c1} as typed may carry a term:
   * always when either is not ASCII (folding decides what they become).
   *
   * @param c1 the second character, or 0 for a word of one
   */
  boolean admits(char c0, char c1) {
    if (c0 >= ASCII || c1 >= ASCII) return true;
    char l0 = lower(c0);
    return anySecond[l0] || (c1 != 0 && pairs[l0 * ASCII + lower(c1)]);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
