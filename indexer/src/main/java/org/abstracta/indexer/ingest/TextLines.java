package org.abstracta.indexer.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Line access for the page formats, which are read by their non-blank lines. */
public final class TextLines {
  private TextLines() {}

  /** A non-blank line, stripped, with its 1-based number in the file. */
  public record Line(int number, String text) {}

  /** The non-blank lines of {@code text}, stripped (a leading byte-order mark is dropped). */
  public static List<Line> nonBlank(Reader text) throws IOException {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String line : all(text)) {
      number++;
      String s = line.strip();
      if (!s.isEmpty()) lines.add(new Line(number, s));
    }
    return lines;
  }

  /**
   * Every line of {@code text}, numbered as {@link LineReader} numbers them: a line ends at {@code
   * \n}, a {@code \r} before it is dropped, a lone {@code \r} is not a line break. A leading
   * byte-order mark is dropped.
   */
  public static List<String> all(Reader text) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    char[] buf = new char[1 << 14];
    for (int n; (n = text.read(buf)) > 0; ) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          line.append(buf, start, i - start);
          lines.add(finish(line, lines.isEmpty()));
          line.setLength(0);
          start = i + 1;
        }
      }
      line.append(buf, start, n - start);
    }
    if (!line.isEmpty()) lines.add(finish(line, lines.isEmpty()));
    return lines;
  }

  private static String finish(StringBuilder line, boolean first) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') end--;
    int from = first && end > 0 && line.charAt(0) == '\uFEFF' ? 1 : 0;
    return line.substring(from, end);
  }
}
