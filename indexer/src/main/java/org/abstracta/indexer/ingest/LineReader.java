package org.abstracta.indexer.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into UTF-8 lines with bounded memory: a line longer than the limit is
 * consumed without being kept and reported as {@link #TOO_LONG}, so a 2 GB single-line file costs
 * no more than the limit. Lines end at {@code \n}; a {@code \r} before it is dropped (a lone {@code
 * \r} is not a line break, as for {@code wc -l}, {@code sed} and the JSON-lines convention).
 * Invalid UTF-8 becomes U+FFFD rather than an error; a UTF-8 byte-order mark at the start of the
 * stream is dropped.
 */
public final class LineReader implements Closeable {
  /** Returned in place of a line longer than the limit. */
  public static final String TOO_LONG = new String("<line too long>");

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1 << 12];
  private int lineNumber;

  public LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The 1-based number of the line last returned. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The next line without its terminator, {@link #TOO_LONG}, or null at the end. */
  public String next() throws IOException {
    int len = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) return null;
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && buf[pos] != '\n') pos++;
      int chunk = pos - start;
      if (!tooLong) {
        if (len + chunk > maxLineBytes) {
          tooLong = true;
        } else {
          if (len + chunk > line.length) {
            line =
                Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, len + chunk)));
          }
          System.arraycopy(buf, start, line, len, chunk);
          len += chunk;
        }
      }
      if (pos < limit) { // found the newline
        pos++;
        break;
      }
    }
    lineNumber++;
    if (tooLong) return TOO_LONG;
    if (len > 0 && line[len - 1] == '\r') len--;
    int from = lineNumber == 1 && startsWithByteOrderMark(len) ? 3 : 0;
    return new String(line, from, len - from, StandardCharsets.UTF_8);
  }

  private boolean startsWithByteOrderMark(int len) {
    return len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
