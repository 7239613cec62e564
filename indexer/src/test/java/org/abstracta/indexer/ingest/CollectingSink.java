package org.abstracta.indexer.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.abstracta.indexer.model.Paper;

/** A test sink that keeps every paper and skip a reader delivers, in order. */
public final class CollectingSink implements RecordSink {
  /** The reference date of the reader tests: a year-less date resolves on or before it. */
  public static final ParseContext CONTEXT = new ParseContext(LocalDate.of(2026, 11, 22));

  /** A paper and the line its entry starts on. */
  public record Read(Paper paper, int line) {}

  /** A skip as a reader reported it. */
  public record Skip(int line, String reason) {}

  public final List<Read> reads = new ArrayList<>();
  public final List<Skip> skips = new ArrayList<>();

  @Override
  public void paper(Paper paper, int line) {
    reads.add(new Read(paper, line));
  }

  @Override
  public void skip(int line, String reason) {
    skips.add(new Skip(line, reason));
  }

  public List<Paper> papers() {
    return reads.stream().map(Read::paper).toList();
  }

  public List<String> titles() {
    return papers().stream().map(Paper::title).toList();
  }

  public List<Integer> lines() {
    return reads.stream().map(Read::line).toList();
  }

  /** The paper with exactly this title. */
  public Paper titled(String title) {
    Optional<Paper> p = papers().stream().filter(x -> title.equals(x.title())).findFirst();
    return p.orElseThrow(() -> new AssertionError("no paper titled " + title + " in " + titles()));
  }

  /** Reads one seed of the bundled corpus ({@code src/corpus/} of the project) with a reader. */
  public static CollectingSink readSeed(WholeFileParser parser, String fileName)
      throws IOException {
    Path path = Path.of("..", "src", "corpus", fileName);
    CollectingSink sink = new CollectingSink();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      parser.parse(r, new InputFile(path), CONTEXT, sink);
    }
    return sink;
  }

  /** Reads a hand-written fixture as if it were the file {@code fileName}. */
  public static CollectingSink readText(WholeFileParser parser, String fileName, String text)
      throws IOException {
    CollectingSink sink = new CollectingSink();
    parser.parse(new StringReader(text), new InputFile(Path.of(fileName)), CONTEXT, sink);
    return sink;
  }

  /** The first kilobytes of a seed, as format detection sees them. */
  public static String seedHead(String fileName) throws IOException {
    String text = Files.readString(Path.of("..", "src", "corpus", fileName));
    return text.substring(0, Math.min(text.length(), 8192));
  }
}
