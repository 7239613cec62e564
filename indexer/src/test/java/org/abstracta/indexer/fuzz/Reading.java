package org.abstracta.indexer.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.abstracta.indexer.ingest.BadRecordException;
import org.abstracta.indexer.ingest.CollectingSink;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.LineParser;
import org.abstracta.indexer.ingest.LineReader;
import org.abstracta.indexer.ingest.PaperParser;
import org.abstracta.indexer.ingest.WholeFileParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.indexer.text.TitleKey;

/**
 * Reads a file's bytes with one reader the way an indexing run does (line splitting with the length
 * cap, blank lines passed over, a {@link BadRecordException} reported as a skip), without the
 * pipeline around it: anything else the reader throws escapes to the caller.
 */
public final class Reading {
  private static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private Reading() {}

  public static CollectingSink read(PaperParser parser, byte[] content, InputFile input)
      throws IOException {
    CollectingSink sink = new CollectingSink();
    switch (parser) {
      case LineParser lines -> {
        try (LineReader reader =
            new LineReader(new ByteArrayInputStream(content), MAX_LINE_BYTES)) {
          for (String line; (line = reader.next()) != null; ) {
            int number = reader.lineNumber();
            if (line == LineReader.TOO_LONG) {
              sink.skip(number, "line too long");
            } else if (!line.isBlank()) {
              try {
                Paper p = lines.parseLine(line, input, CollectingSink.CONTEXT);
                if (p != null) sink.paper(p, number);
              } catch (BadRecordException e) {
                sink.skip(number, e.getMessage());
              }
            }
          }
        }
      }
      case WholeFileParser whole -> {
        try (Reader text =
            new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
          whole.parse(text, input, CollectingSink.CONTEXT, sink);
        }
      }
    }
    return sink;
  }

  /**
   * What every reading must give: skips on a line of the file with a one-line reason, papers with a
   * title that make a Lucene document (unless the pipeline would skip them as unindexable).
   */
  public static void assertSane(CollectingSink sink, byte[] content) throws IOException {
    int lines = Bytes.lines(content).size();
    for (CollectingSink.Skip skip : sink.skips) {
      assertTrue(skip.line() >= 0 && skip.line() <= lines + 1, "skip line " + skip);
      assertNotNull(skip.reason());
      assertFalse(skip.reason().isBlank(), "blank reason");
      assertFalse(skip.reason().contains("\n"), "reason spans lines: " + skip.reason());
    }
    PaperDocuments documents = new PaperDocuments();
    for (CollectingSink.Read read : sink.reads) {
      Paper p = read.paper();
      assertTrue(read.line() >= 1 && read.line() <= lines + 1, "paper line " + read.line());
      assertNotNull(p.title(), "paper without title");
      assertFalse(p.title().isBlank(), "blank title");
      assertEquals(p.title().strip(), p.title(), "title not stripped");
      if (PaperDocuments.unindexable(p, TitleKey.of(p.title())) == null) documents.toDocument(p);
    }
  }
}
