package org.abstracta.indexer.ingest;

import java.io.BufferedReader;
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
    BufferedReader reader = new BufferedReader(text);
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
      String s = line.strip();
      if (!s.isEmpty()) lines.add(new Line(number, s));
    }
    return lines;
  }
}
