package org.abstracta.searchapi.search.query;

import java.util.Arrays;

/**
 * The parts of an ASCII text that may hold a word starting like one of a set of terms ({@link
 * WordStarts}), side by side, with where each came from: highlighting tokenizes these instead of
 * the whole abstract. A part is a run of characters between white space. In ASCII text no word
 * spans or touches across white space (Unicode's word-break rules join only letters, digits and the
 * marks between them), so a part's words are the same alone as in the text; a word starts at the
 * start of its part or after a character that is no letter, digit or underscore. A part longer than
 * the tokenizer's longest word is kept whole: the tokenizer splits it anywhere.
 */
final class CandidateText {
  /** The standard tokenizer's default longest word. */
  private static final int MAX_WORD = 255;

  private final StringBuilder text = new StringBuilder();
  private int[] at = new int[8];
  private int[] from = new int[8];
  private int parts;

  private CandidateText() {}

  /** The candidate parts of {@code text}, or null when it has a non-ASCII character. */
  static CandidateText of(String text, WordStarts starts) {
    CandidateText out = new CandidateText();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= 128) return null;
      if (space(c)) {
        i++;
        continue;
      }
      int start = i;
      boolean candidate = false;
      char previous = ' ';
      for (; i < n && !space(c = text.charAt(i)); i++) {
        if (c >= 128) return null;
        if (!candidate && !wordChar(previous)) {
          char next = i + 1 < n ? text.charAt(i + 1) : 0;
          candidate = starts.admits(c, space(next) ? 0 : next);
        }
        previous = c;
      }
      if (candidate || i - start > MAX_WORD) out.add(text, start, i);
    }
    return out;
  }

  private void add(String source, int start, int end) {
    if (parts == at.length) {
      at = Arrays.copyOf(at, parts * 2);
      from = Arrays.copyOf(from, parts * 2);
    }
    if (!text.isEmpty()) text.append(' ');
    at[parts] = text.length();
    from[parts] = start;
    parts++;
    text.append(source, start, end);
  }

  /** The parts, one space between each two. */
  String text() {
    return text.toString();
  }

  /** Where the character at {@code offset} of {@link #text()} is in the original text. */
  int original(int offset) {
    int p = Arrays.binarySearch(at, 0, parts, offset);
    if (p < 0) p = -p - 2; // the part that starts before the offset
    return from[p] + (offset - at[p]);
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B;
  }

  private static boolean wordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
}
