package org.abstracta.indexer.fuzz;

import static org.abstracta.indexer.fuzz.Bytes.utf8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.abstracta.indexer.ingest.CollectingSink;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.PaperParser;

/**
 * Valid inputs of every format, and files that mix good records with garbage: the inputs of the
 * reader properties. Page formats come from the bundled sample corpus, arXiv lines from the test
 * fixture; BEIR and jsonl records are written here.
 */
public final class Corpus {
  private Corpus() {}

  /** A format's name and a small valid file in it. */
  public record Sample(String format, String fileName, byte[] content) {
    public PaperParser parser() {
      return Formats.byName(format).orElseThrow();
    }
  }

  private static final Path SEEDS = Path.of("..", "src", "corpus");

  public static final List<Sample> SAMPLES =
      List.of(
          new Sample("author-page", "page.txt", read(SEEDS.resolve("003_a1e67528ce730cb1.txt"))),
          new Sample("daily-papers", "digest.txt", read(SEEDS.resolve("001_d84297069a174ee1.txt"))),
          new Sample("icalendar", "talks.ics", threeTalks()),
          new Sample(
              "arxiv-json",
              "arxiv.jsonl",
              read(Path.of("src", "test", "resources", "arxiv", "snapshot5.jsonl"))),
          new Sample(
              "beir",
              "corpus.jsonl",
              utf8(
                  beirLine(1, "Graph neural networks for proteins", "Proteins fold.")
                      + "\n"
                      + beirLine(2, "", "An abstract without a title, long enough to be one.")
                      + "\n")),
          new Sample(
              "jsonl",
              "papers.jsonl",
              utf8(
                  jsonlLine("2101.00001", "A jsonl paper", "Its abstract.")
                      + "\n"
                      + "{\"title\":\"Without an id\",\"type\":\"talk\",\"date\":\"2024-02-29\","
                      + "\"start\":\"2024-02-29T10:00:00Z\",\"yearInferred\":true}\n")));

  /** The sample calendar with its one event repeated under two more titles. */
  private static byte[] threeTalks() {
    String cal =
        new String(read(SEEDS.resolve("004_eae0defd86aa440c.txt")), StandardCharsets.UTF_8);
    int begin = cal.indexOf("BEGIN:VEVENT");
    int end = cal.indexOf("END:VEVENT") + "END:VEVENT\n".length();
    String event = cal.substring(begin, end);
    String more =
        event.replace("SUMMARY:", "SUMMARY:Second talk: ")
            + event.replace("SUMMARY:", "SUMMARY:Third talk: ");
    return utf8(cal.substring(0, end) + more + cal.substring(end));
  }

  public static Sample sample(String format) {
    return SAMPLES.stream().filter(s -> s.format().equals(format)).findFirst().orElseThrow();
  }

  public static final List<String> LINE_FORMATS = List.of("arxiv-json", "beir", "jsonl");

  // ---------------------------------------------------------------------------------------------
  // Good records mixed with garbage.

  /**
   * A record that must be read back with exactly this id and title (a BEIR id is the corpus id,
   * which the reader prefixes with the collection).
   */
  public record Expected(String id, String title) {}

  /** One line of a mixed file; garbage lines are what shrinking may remove or shorten. */
  public record Line(byte[] bytes, boolean garbage) {}

  /** A file of good and garbage lines, and the records it must read as (at least). */
  public record Mixed(String format, String fileName, List<Line> lines, List<Expected> expected) {
    public byte[] content() {
      return Bytes.join(lines.stream().map(Line::bytes).toList());
    }

    /** Fewer garbage lines, then shorter garbage lines; good lines stay. */
    public Stream<Mixed> shrink() {
      List<Mixed> fewer = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).garbage()) continue;
        List<Line> l = new ArrayList<>(lines);
        l.remove(i);
        fewer.add(new Mixed(format, fileName, l, expected));
      }
      Stream<Mixed> shorter =
          Stream.iterate(0, i -> i < lines.size(), i -> i + 1)
              .filter(i -> lines.get(i).garbage())
              .flatMap(
                  i ->
                      Bytes.shrink(lines.get(i).bytes())
                          .filter(b -> Bytes.lines(b).size() <= 1)
                          .limit(40)
                          .map(
                              b -> {
                                List<Line> l = new ArrayList<>(lines);
                                l.set(i, new Line(b, true));
                                return new Mixed(format, fileName, l, expected);
                              }));
      return Stream.concat(fewer.stream(), shorter);
    }

    public String show() {
      return format + " file " + fileName + ": " + Bytes.show(content());
    }
  }

  private static final List<String> WORDS =
      List.of(
          "Learning",
          "graph",
          "über",
          "Ñandú",
          "数据",
          "neural",
          "Policy",
          "résumé",
          "of",
          "the",
          "Diffusion",
          "models",
          "ΑΒΓ",
          "scaling",
          "laws",
          "for",
          "robots",
          "Łódź",
          "3D",
          "x");

  /** A title that reads back unchanged: words, single spaces, no markup. */
  static String title(Random r, int k) {
    StringBuilder s = new StringBuilder("T").append(k);
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) s.append(' ').append(WORDS.get(r.nextInt(WORDS.size())));
    return s.toString();
  }

  static String beirLine(int id, String title, String text) {
    return String.format(
        "{\"_id\":\"doc%d\",\"title\":\"%s\",\"text\":\"%s\",\"metadata\":{}}", id, title, text);
  }

  static String jsonlLine(String id, String title, String abstractText) {
    return String.format(
        "{\"id\":\"%s\",\"type\":\"paper\",\"title\":\"%s\",\"abstract\":\"%s\","
            + "\"authors\":[\"Ada Lovelace\",\"Alan Turing\"],"
            + "\"subjects\":[{\"code\":\"cs.LG\",\"label\":\"Machine Learning\"}],\"date\":\"2021-01-04\","
            + "\"sources\":[{\"file\":\"export.jsonl\",\"format\":\"jsonl\"}]}",
        id, title, abstractText);
  }

  static String arxivLine(String id, String title, String abstractText) {
    return String.format(
        "{\"id\":\"%s\",\"submitter\":null,\"authors\":\"A. Author and B. Author\","
            + "\"authors_parsed\":[[\"Author\",\"A.\",\"\"],[\"Author\",\"B.\",\"\"]],\"title\":\"%s\","
            + "\"categories\":\"cs.LG stat.ML\",\"abstract\":\"  %s\\n\","
            + "\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 4 Jan 2021 10:00:00 GMT\"}],"
            + "\"update_date\":\"2021-01-05\"}",
        id, title, abstractText);
  }

  private record Good(byte[] bytes, Expected expected) {}

  /** Good line number {@code k} of a line format. */
  private static Good good(String format, Random r, int k) {
    String title = title(r, k);
    String abstractText = title(r, k + 1000) + " is studied.";
    String arxivId = String.format("2101.%05d", k);
    return switch (format) {
      case "arxiv-json" ->
          new Good(utf8(arxivLine(arxivId, title, abstractText)), new Expected(arxivId, title));
      case "beir" ->
          new Good(utf8(beirLine(k, title, abstractText)), new Expected("doc" + k, title));
      case "jsonl" ->
          new Good(utf8(jsonlLine(arxivId, title, abstractText)), new Expected(arxivId, title));
      default -> throw new IllegalArgumentException(format);
    };
  }

  /**
   * Garbage for a line-based file: junk bytes and text, cut and edited records, NULs, invalid
   * UTF-8, huge tokens, deep nesting, valid JSON of the wrong shape, records with absurd fields.
   */
  static byte[] garbageLine(String format, Random r, boolean small) {
    byte[] g =
        switch (r.nextInt(small ? 7 : 12)) {
          case 0 -> Bytes.random(r, 200);
          case 1 -> utf8(Bytes.texty(r, 40));
          case 2 -> {
            byte[] rec = good(format, r, 90_000 + r.nextInt(9_000)).bytes();
            yield Arrays.copyOf(rec, r.nextInt(rec.length));
          }
          case 3 -> Bytes.mutate(r, good(format, r, 90_000 + r.nextInt(9_000)).bytes());
          case 4 -> new byte[1 + r.nextInt(100)];
          case 5 -> Bytes.splice(utf8("{\"id\":\"x\"}"), 7, 0, Bytes.invalidUtf8(r));
          case 6 ->
              utf8(
                  List.of(
                          "{}",
                          "null",
                          "[]",
                          "\"str\"",
                          "1e999999",
                          "{\"id\":5,\"title\":[1]}",
                          " ")
                      .get(r.nextInt(7)));
          case 7 -> utf8(wrongShape(format, r));
          case 8 -> utf8(absurd(format, r));
          case 9 -> Bytes.hugeToken(r, good(format, r, 1).bytes());
          case 10 -> utf8(Bytes.nesting(r));
          default -> Bytes.mutate(r, Bytes.hugeToken(r, utf8("{\"title\":\"")));
        };
    return stripNewlines(g);
  }

  private static byte[] stripNewlines(byte[] b) {
    byte[] out = b.clone();
    for (int i = 0; i < out.length; i++) if (out[i] == '\n') out[i] = ' ';
    return out;
  }

  /**
   * A record of the file's format whose values cannot be indexed as they are: huge ids, titles,
   * names, codes. (Records of another format would be a mixed file, not garbage.)
   */
  private static String absurd(String format, Random r) {
    String huge = "x".repeat(33_000 + r.nextInt(10_000));
    List<String> records =
        switch (format) {
          case "arxiv-json" ->
              List.of(
                  arxivLine("2109.00001", huge, "a"),
                  arxivLine("2109.00002", "T", "a")
                      .replace("\"Author\",\"A.\"", "\"" + huge + "\",\"A.\""),
                  arxivLine("2109.00003", "T", "a")
                      .replace("\"submitter\"", "\"doi\":\"10.1000/" + huge + "\",\"s\""));
          case "beir" ->
              List.of(
                  "{\"_id\":\"" + huge + "\",\"title\":\"T\",\"text\":\"t\"}",
                  "{\"_id\":\"x\",\"title\":\"" + huge + "\",\"text\":\"t\"}");
          default ->
              List.of(
                  jsonlLine("id-" + huge, "A title", "a"),
                  "{\"title\":\"T\",\"authors\":[\"" + huge + "\"]}",
                  "{\"title\":\"T\",\"subjects\":[{\"code\":\"" + huge + "\"}]}",
                  "{\"title\":\"T\",\"sources\":[{\"file\":\""
                      + huge
                      + "\",\"format\":\"jsonl\"}]}",
                  "{\"title\":\"T\",\"id\":\"10.1000/" + huge + "\"}");
        };
    return records.get(r.nextInt(records.size()));
  }

  /** A record of the file's format with a part missing, null or of the wrong type. */
  private static String wrongShape(String format, Random r) {
    List<String> records =
        switch (format) {
          case "arxiv-json" ->
              List.of(
                  "{\"id\":\"2109.00001\",\"title\":\"T\",\"authors_parsed\":[[null],[],null]}",
                  "{\"id\":\"2109.00002\",\"title\":\"T\",\"versions\":[null,{\"created\":5}]}",
                  "{\"id\":\"2109.00003\",\"categories\":\"cs.LG\",\"title\":null}");
          case "beir" ->
              List.of(
                  "{\"_id\":\"1\",\"title\":null,\"text\":\"t\",\"metadata\":{\"doi\":[1]}}",
                  "{\"_id\":null,\"text\":\"t\"}",
                  "{\"_id\":\"2\",\"text\":5}");
          default ->
              List.of(
                  "{\"title\":\"T\",\"subjects\":[{\"label\":\"no code\"}]}",
                  "{\"title\":\"T\",\"sources\":[{}]}",
                  "{\"title\":\"T\",\"sources\":[{\"file\":\"f\"}]}",
                  "{\"title\":\"T\",\"authors\":[null]}",
                  "{\"title\":\"T\",\"subjects\":[null]}");
        };
    return records.get(r.nextInt(records.size()));
  }

  /**
   * Good records of a line format in random order with garbage lines between them; the first good
   * record starts within the first 8 KiB (format detection reads the first 16 KiB), CRLF endings on
   * some lines, sometimes a byte-order mark.
   */
  public static Mixed mixedLines(Random r, String format) {
    List<Line> lines = new ArrayList<>();
    List<Expected> expected = new ArrayList<>();
    int goods = 1 + r.nextInt(8);
    int k = r.nextInt(1000);
    int before = r.nextInt(4);
    // Format detection reads the first 16 KiB: garbage before the first record stays short.
    for (int i = 0; i < before; i++) {
      byte[] g = garbageLine(format, r, true);
      lines.add(garbage(r, Arrays.copyOf(g, Math.min(g.length, 2000))));
    }
    for (int i = 0; i < goods; i++) {
      Good g = good(format, r, k + i);
      lines.add(
          new Line(
              r.nextInt(4) == 0
                  ? Bytes.splice(g.bytes(), g.bytes().length, 0, utf8("\r"))
                  : g.bytes(),
              false));
      expected.add(g.expected());
      int after = r.nextInt(3);
      for (int j = 0; j < after; j++) lines.add(garbage(r, garbageLine(format, r, false)));
    }
    if (r.nextInt(5) == 0) {
      Line first = lines.get(0);
      lines.set(0, new Line(Bytes.splice(first.bytes(), 0, 0, utf8("\uFEFF")), first.garbage()));
    }
    String fileName = format.equals("beir") ? "corpus.jsonl" : "records.jsonl";
    return new Mixed(format, fileName, lines, expected);
  }

  /** A garbage line, sometimes with a CRLF ending. */
  private static Line garbage(Random r, byte[] bytes) {
    return new Line(
        r.nextInt(4) == 0 ? Bytes.splice(bytes, bytes.length, 0, utf8("\r")) : bytes, true);
  }

  /**
   * A page format's sample with garbage lines inserted where entries begin, and sometimes CRLF
   * endings or a byte-order mark: every entry of the clean page must still be read with its title.
   */
  public static Mixed mixedPage(Random r, Sample sample) {
    CollectingSink clean;
    try {
      clean =
          Reading.read(
              sample.parser(), sample.content(), new InputFile(Path.of(sample.fileName())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Expected> expected = clean.titles().stream().map(t -> new Expected(null, t)).toList();
    Set<Integer> starts = new HashSet<>(clean.lines());
    boolean crlf = r.nextInt(4) == 0;
    List<Line> lines = new ArrayList<>();
    List<byte[]> original = Bytes.lines(sample.content());
    int firstEntry = clean.lines().isEmpty() ? 0 : clean.lines().get(0);
    for (int i = 0; i <= original.size(); i++) {
      if ((starts.contains(i + 1) || i == original.size()) && r.nextInt(3) == 0) {
        int n = 1 + r.nextInt(3);
        for (int j = 0; j < n; j++) {
          byte[] g = pageGarbage(r);
          // Format detection reads the first 16 KiB: garbage before the first entry stays short.
          if (i + 1 <= firstEntry) g = Arrays.copyOf(g, Math.min(g.length, 200));
          lines.add(new Line(crlf(g, crlf), true));
        }
      }
      if (i < original.size()) lines.add(new Line(crlf(original.get(i), crlf), false));
    }
    if (r.nextInt(5) == 0) {
      Line first = lines.get(0);
      lines.set(0, new Line(Bytes.splice(first.bytes(), 0, 0, utf8("\uFEFF")), first.garbage()));
    }
    return new Mixed(sample.format(), sample.fileName(), lines, expected);
  }

  private static byte[] crlf(byte[] line, boolean crlf) {
    return crlf ? Bytes.splice(line, line.length, 0, utf8("\r")) : line;
  }

  /** A line of junk for a page: text, bytes, NULs, invalid UTF-8, blanks, a huge token. */
  private static byte[] pageGarbage(Random r) {
    byte[] g =
        switch (r.nextInt(7)) {
          case 0, 1 -> utf8(Bytes.texty(r, 12));
          case 2 -> Bytes.random(r, 60);
          case 3 -> new byte[1 + r.nextInt(20)];
          case 4 -> Bytes.splice(utf8("some text"), 4, 0, Bytes.invalidUtf8(r));
          case 5 -> utf8(" \t ");
          default -> Bytes.hugeToken(r, utf8("word, "));
        };
    return stripNewlines(g);
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
