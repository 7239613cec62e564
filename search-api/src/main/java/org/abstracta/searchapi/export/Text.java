package org.abstracta.searchapi.export;

/** Text from the index made safe for any file format. */
final class Text {
  private Text() {}

  /**
   * {@code text} without the characters no text format may carry (controls other than tab and line
   * breaks, unpaired surrogates, U+FFFE and U+FFFF: XML 1.0 forbids them); "" for null.
   */
  static String clean(String text) {
    if (text == null) return "";
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (out != null) out.append(c).append(text.charAt(i + 1));
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        ok = false;
      } else {
        ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
      }
      if (!ok && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
      else if (ok && out != null) out.append(c);
    }
    return out == null ? text : out.toString();
  }

  /** One line: white space, line breaks included, collapsed to single spaces. */
  static String oneLine(String text) {
    return clean(text).replaceAll("\\s+", " ").strip();
  }
}
