package org.abstracta.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

  /** Looks at the first kilobytes of a file (decompressed) and picks its format. */
  public static Detection detect(InputFile file) throws IOException {
    byte[] head;
    try (InputStream in = file.open()) {
      head = in.readNBytes(HEAD_BYTES);
    }
    if (head.length == 0) return new Undetected("empty file");
    String text = decodeHead(head);
    if (text == null) return new Undetected("binary content, not text (unknown format)");
    for (PaperParser p : ALL) {
      if (p.accepts(text, file.name())) return new Detected(p);
    }
    return new Undetected("unknown format (none of: " + names() + "); use --format to say which");
  }

  /** The head as text, or null if it looks binary (NUL bytes or mostly invalid UTF-8). */
  private static String decodeHead(byte[] head) {
    for (byte b : head) if (b == 0) return null;
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // The head may end inside a multi-byte character: try again without up to 3 trailing bytes.
    for (int cut = 0; cut < 4 && head.length - cut > 0; cut++) {
      try {
        String s = decoder.decode(ByteBuffer.wrap(head, 0, head.length - cut)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
      } catch (CharacterCodingException e) {
        decoder.reset();
      }
    }
    // Mostly text with a few bad bytes: read leniently; mostly bad bytes: binary.
    String lenient = new String(head, StandardCharsets.UTF_8);
    long bad = lenient.chars().filter(c -> c == '\uFFFD').count();
    return bad * 20 > lenient.length() ? null : lenient;
  }
}
