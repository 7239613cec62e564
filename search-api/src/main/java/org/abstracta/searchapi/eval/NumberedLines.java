package org.abstracta.searchapi.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The non-blank lines of a small UTF-8 text file, with their 1-based numbers for messages. */
final class NumberedLines {
  /** Takes one line; may reject it with an exception that names {@code file:number}. */
  interface LineHandler {
    void line(int number, String line) throws IOException;
  }

  private NumberedLines() {}

  static void read(Path file, LineHandler handler) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) handler.line(number, line);
      }
    }
  }
}
