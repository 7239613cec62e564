package org.abstracta.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.abstracta.indexer.ingest.arxiv.ArxivJsonParser;
import org.abstracta.indexer.ingest.authorpage.AuthorPageParser;
import org.abstracta.indexer.ingest.beir.BeirParser;
import org.abstracta.indexer.ingest.dailypapers.DailyPapersParser;
import org.abstracta.indexer.ingest.icalendar.ICalendarParser;
import org.abstracta.indexer.ingest.jsonl.JsonlParser;

/** Every input format, and detection of a file's format from its content. */
public final class Formats {
  /** In detection order: the most specific tests first, the most permissive last. */
  public static final List<PaperParser> ALL =
      List.of(
          new ICalendarParser(),
          new ArxivJsonParser(),
          new BeirParser(),
          new JsonlParser(),
          new AuthorPageParser(),
          new DailyPapersParser());

  private static final int HEAD_BYTES = 16 * 1024;

  /** Whether a record reads does not depend on the reference date. */
  private static final ParseContext DETECTION = new ParseContext(LocalDate.of(2000, 1, 1));

  private Formats() {}

  /** The parser named {@code format}, as {@code --format} takes it. */
  public static Optional<PaperParser> byName(String format) {
    return ALL.stream().filter(p -> p.format().equals(format)).findFirst();
  }

  /** The names of all formats, for messages. */
  public static String names() {
    return ALL.stream().map(PaperParser::format).collect(Collectors.joining(", "));
  }

  /** Why a file's content matches no format; null when {@link #detect} would find one. */
  public sealed interface Detection permits Detected, Undetected {}

  public record Detected(PaperParser parser) implements Detection {}

  public record Undetected(String reason) implements Detection {}

  /**
   * Looks at the first kilobytes of a file (decompressed) and picks its format, so that garbage
   * lines do not decide it:
   *
   * <ol>
   *   <li>JSON lines that a JSON-lines format reads as a record: the format most of them have (each
   *       counts for the first format in {@link #ALL} that accepts it; of equals, the format of the
   *       first record);
   *   <li>else the first page format that accepts the text;
   *   <li>else JSON lines that only look like records: the format most of them have.
   * </ol>
   *
   * Lines with NUL bytes or mostly invalid UTF-8 are left out of the decision.
   *
   * @throws IOException when not even the start of the file can be read
   */
  public static Detection detect(InputFile file) throws IOException {
    byte[] head = head(file);
    if (head.length == 0) return new Undetected("empty file");
    Head h = textLines(head);
    String text = h.text();
    List<String> objects =
        text.lines().map(String::strip).filter(l -> l.startsWith("{")).limit(50).toList();
    Votes accepted = new Votes();
    Votes readable = new Votes();
    for (String line : objects) {
      for (int i = 0; i < ALL.size(); i++) {
        if (ALL.get(i).accepts(line, file.name())) {
          accepted.add(i);
          if (reads(ALL.get(i), line, file)) readable.add(i);
          break;
        }
      }
    }
    if (readable.winner() >= 0) return new Detected(ALL.get(readable.winner()));
    for (PaperParser p : ALL) {
      if (p instanceof WholeFileParser && p.accepts(text, file.name())) return new Detected(p);
    }
    if (accepted.winner() >= 0) return new Detected(ALL.get(accepted.winner()));
    if (h.binaryBytes() * 2 > head.length) {
      return new Undetected("binary content, not text (unknown format)");
    }
    if (text.isBlank()) return new Undetected("empty file (only white space)");
    return new Undetected("unknown format (none of: " + names() + "); use --format to say which");
  }

  /** Records' votes for formats (by index in {@link #ALL}), in file order. */
  private static final class Votes {
    private final int[] count = new int[ALL.size()];
    private final int[] first = new int[ALL.size()];
    private int cast;

    void add(int format) {
      if (count[format]++ == 0) first[format] = cast;
      cast++;
    }

    /** The format with the most votes, of equals the one voted for first; -1 without votes. */
    int winner() {
      int best = -1;
      for (int i = 0; i < count.length; i++) {
        if (count[i] == 0) continue;
        if (best < 0
            || count[i] > count[best]
            || count[i] == count[best] && first[i] < first[best]) {
          best = i;
        }
      }
      return best;
    }
  }

  /** Whether {@code parser} reads {@code line} as a record. */
  private static boolean reads(PaperParser parser, String line, InputFile file) {
    if (!(parser instanceof LineParser lines)) return false;
    try {
      return lines.parseLine(line, file, DETECTION) != null;
    } catch (BadRecordException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Up to {@link #HEAD_BYTES} of the file's content. A truncated or corrupt {@code .gz} gives what
   * could be read before the damage (reading the file reports the damage); nothing at all is an
   * error.
   */
  private static byte[] head(InputFile file) throws IOException {
    byte[] buf = new byte[HEAD_BYTES];
    int n = 0;
    try (InputStream in = file.open()) {
      for (int r; n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0; ) n += r;
    } catch (IOException e) {
      if (n == 0) throw e;
    }
    return Arrays.copyOf(buf, n);
  }

  /** The text lines of a file's head, and how many bytes were left out as binary. */
  private record Head(String text, int binaryBytes) {}

  /**
   * The head's text lines: a leading byte-order mark dropped, invalid UTF-8 replaced, and lines
   * that look binary (a NUL byte, or more than one character in 20 invalid) left out.
   */
  private static Head textLines(byte[] head) {
    StringBuilder text = new StringBuilder();
    int binaryBytes = 0;
    int start = 0;
    for (int i = 0; i <= head.length; i++) {
      if (i < head.length && head[i] != '\n') continue;
      boolean binary = false;
      for (int j = start; j < i && !binary; j++) binary = head[j] == 0;
      String line = new String(head, start, i - start, StandardCharsets.UTF_8);
      long bad = line.chars().filter(c -> c == '\uFFFD').count();
      // The head may end inside a multi-byte character: its last line is cut anyway.
      if (!binary && bad * 20 <= line.length()) text.append(line).append('\n');
      else binaryBytes += i - start;
      start = i + 1;
    }
    if (text.length() > 0 && text.charAt(0) == '\uFEFF') text.deleteCharAt(0);
    return new Head(text.toString(), binaryBytes);
  }
}
