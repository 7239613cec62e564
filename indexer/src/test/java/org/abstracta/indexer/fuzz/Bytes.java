package org.abstracta.indexer.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Hostile file contents: arbitrary bytes, text made of the characters and tokens the readers react
 * to, and mutations of valid files (edits, truncation, duplicated lines, invalid UTF-8, NULs, CRLF,
 * a byte-order mark, huge tokens, deep nesting). Also shrinking and printing of byte inputs.
 */
public final class Bytes {
  private Bytes() {}

  /** Pieces of syntax the six formats and the LaTeX and date readers look for. */
  static final List<String> TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          "\"",
          ":",
          ",",
          "\\",
          "\\\"",
          "\\u0000",
          "\\ud800",
          "null",
          "true",
          "-1e999999",
          "{\"id\":",
          "\"title\":",
          "\"_id\":",
          "\"text\":",
          "\"categories\":",
          "\"authors_parsed\":[[",
          "\"versions\":[{\"created\":",
          "\"sources\":[{",
          "\"subjects\":[{",
          "\"date\":\"2024-02-30\"",
          "2303.16212",
          "hep-ph/0701001",
          "10.1000/xyz",
          "BEGIN:VCALENDAR",
          "BEGIN:VEVENT",
          "END:VEVENT",
          "BEGIN:VALARM",
          "SUMMARY:",
          "DESCRIPTION:Abstract: ",
          "DTSTART;TZID=Europe/London:",
          "20240230T250000Z",
          "DURATION:P99999999D",
          "\n ",
          "\r\n",
          "12 Papers",
          "CVDec 19, 2024Code",
          "AIJan 20",
          "Feb 29",
          "Oct 19, 2023 1",
          "• 4 authors",
          "·",
          " · ",
          "et al.",
          "Daily Papers",
          "byAK and the research community",
          "\\emph{",
          "\\cite[",
          "\\frac{",
          "\\'{",
          "\\unicode{x110000}",
          "$\\alpha$",
          "--",
          "https://github.com/x/y",
          "\uFEFF",
          "\u2028",
          "\uD83D\uDE00",
          "é",
          "\u0000",
          "\t",
          " ");

  /** Up to {@code max} arbitrary bytes. */
  public static byte[] random(Random r, int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return b;
  }

  /** Text of up to {@code pieces} tokens and single characters. */
  public static String texty(Random r, int pieces) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(pieces + 1);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0, 1 -> s.append(TOKENS.get(r.nextInt(TOKENS.size())));
        case 2 -> s.append((char) ('a' + r.nextInt(26)));
        default -> s.append((char) r.nextInt(0x3000));
      }
    }
    return s.toString();
  }

  /** {@code valid} with one to six random edits. */
  public static byte[] mutate(Random r, byte[] valid) {
    byte[] b = valid;
    int edits = 1 + r.nextInt(6);
    for (int i = 0; i < edits; i++) b = edit(r, b);
    return b;
  }

  private static byte[] edit(Random r, byte[] b) {
    int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
    int len = b.length - at == 0 ? 0 : r.nextInt(Math.min(64, b.length - at) + 1);
    return switch (r.nextInt(14)) {
      case 0 -> splice(b, at, 0, utf8(TOKENS.get(r.nextInt(TOKENS.size()))));
      case 1 -> splice(b, at, len, new byte[0]); // delete
      case 2 -> splice(b, at, len, utf8(texty(r, 4))); // replace
      case 3 -> Arrays.copyOf(b, at); // truncate
      case 4 -> duplicateLine(r, b);
      case 5 -> splice(b, at, 0, invalidUtf8(r));
      case 6 -> splice(b, at, 0, new byte[1 + r.nextInt(8)]); // NULs
      case 7 -> crlf(b);
      case 8 -> splice(b, 0, 0, utf8("\uFEFF"));
      case 9 -> splice(b, at, 0, hugeToken(r, b));
      case 10 -> splice(b, at, 0, utf8(nesting(r)));
      case 11 -> splice(b, at, len, random(r, 16));
      case 12 -> splice(b, at, 0, utf8("\n"));
      default -> splice(b, at, 0, utf8(texty(r, 3)));
    };
  }

  /** Malformed UTF-8: a lone continuation byte, a cut sequence, an encoded surrogate, 0xFF. */
  static byte[] invalidUtf8(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> new byte[] {(byte) 0x80};
      case 1 -> new byte[] {(byte) 0xC3};
      case 2 -> new byte[] {(byte) 0xE2, (byte) 0x82};
      case 3 -> new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
      default -> new byte[] {(byte) 0xFF, (byte) 0xFE};
    };
  }

  /** A piece of the input, or a token, repeated into a token of up to 200,000 bytes. */
  static byte[] hugeToken(Random r, byte[] from) {
    byte[] unit;
    if (from.length > 0 && r.nextBoolean()) {
      int start = r.nextInt(from.length);
      unit = Arrays.copyOfRange(from, start, Math.min(from.length, start + 1 + r.nextInt(4)));
    } else {
      unit = utf8(TOKENS.get(r.nextInt(TOKENS.size())));
    }
    int times = Math.max(1, (1000 + r.nextInt(200_000)) / Math.max(1, unit.length));
    ByteArrayOutputStream out = new ByteArrayOutputStream(unit.length * times);
    for (int i = 0; i < times; i++) out.writeBytes(unit);
    return out.toByteArray();
  }

  /** Deeply nested JSON arrays or objects. */
  static String nesting(Random r) {
    int depth = 1000 + r.nextInt(20_000);
    return r.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth);
  }

  private static byte[] duplicateLine(Random r, byte[] b) {
    List<byte[]> lines = lines(b);
    if (lines.isEmpty()) return b;
    int i = r.nextInt(lines.size());
    lines.add(r.nextInt(lines.size() + 1), lines.get(i));
    return join(lines);
  }

  /** Every line ending as CRLF (Latin-1 maps each byte to one char and back). */
  private static byte[] crlf(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1)
        .replace("\n", "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] splice(byte[] b, int at, int len, byte[] insert) {
    byte[] out = new byte[b.length - len + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + len, out, at + insert.length, b.length - at - len);
    return out;
  }

  /** The lines of {@code b} without their {@code \n}. */
  public static List<byte[]> lines(byte[] b) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        lines.add(Arrays.copyOfRange(b, start, i));
        start = i + 1;
      }
    }
    if (start < b.length) lines.add(Arrays.copyOfRange(b, start, b.length));
    return lines;
  }

  /** Lines joined with {@code \n}, each terminated. */
  public static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.writeBytes(line);
      out.write('\n');
    }
    return out.toByteArray();
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Smaller variants of {@code b}: whole lines dropped, then chunks of halving size removed, then
   * runs of one repeated byte halved (which shrinks huge tokens and deep nesting quickly).
   */
  public static Stream<byte[]> shrink(byte[] b) {
    List<byte[]> lines = lines(b);
    Stream<byte[]> dropLines =
        lines.size() < 2
            ? Stream.empty()
            : IntStream.range(0, lines.size())
                .mapToObj(
                    i -> {
                      List<byte[]> fewer = new ArrayList<>(lines);
                      fewer.remove(i);
                      return join(fewer);
                    });
    Stream<byte[]> chunks =
        IntStream.iterate(Math.max(1, b.length / 2), size -> size >= 1, size -> size / 2)
            .boxed()
            .flatMap(
                size ->
                    IntStream.iterate(0, at -> at + size <= b.length, at -> at + size)
                        .mapToObj(at -> splice(b, at, size, new byte[0])));
    return Stream.concat(Stream.concat(halveRuns(b), dropLines), chunks);
  }

  /** For the longest run of one repeated byte (at least 64 long), {@code b} with half of it. */
  private static Stream<byte[]> halveRuns(byte[] b) {
    int bestStart = 0;
    int bestLen = 0;
    for (int i = 0; i < b.length; ) {
      int j = i;
      while (j < b.length && b[j] == b[i]) j++;
      if (j - i > bestLen) {
        bestLen = j - i;
        bestStart = i;
      }
      i = j;
    }
    return bestLen < 64
        ? Stream.empty()
        : Stream.of(splice(b, bestStart, bestLen / 2, new byte[0]));
  }

  /**
   * Bytes as a Java-like string literal: printable ASCII as is, other bytes as {@code \xNN}; long
   * runs of one byte as {@code <N × c>}; cut at 3,000 characters.
   */
  public static String show(byte[] b) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < b.length && s.length() < 3000; ) {
      int j = i;
      while (j < b.length && b[j] == b[i]) j++;
      if (j - i >= 16) {
        s.append("<").append(j - i).append(" × ").append(escape(b[i])).append(">");
        i = j;
        continue;
      }
      s.append(escape(b[i]));
      i++;
    }
    if (s.length() >= 3000) s.append("… (").append(b.length).append(" bytes)");
    return s.append("\"").toString();
  }

  private static String escape(byte c) {
    int v = c & 0xFF;
    return switch (v) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      default -> v >= 0x20 && v < 0x7F ? String.valueOf((char) v) : String.format("\\x%02X", v);
    };
  }
}
