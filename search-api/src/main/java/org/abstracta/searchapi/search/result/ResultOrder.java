package org.abstracta.searchapi.search.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32C;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SortOrder;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValues;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene sort of each {@link SortOrder}, and the opaque cursor that resumes it. Every order
 * ends with the paper id, so the order is total and a cursor — the last hit's sort values and id,
 * with a check that refuses a garbled or edited one — resumes exactly after that paper even when
 * documents were added or removed in between. Papers without a date come after dated ones in both
 * date orders.
 */
public final class ResultOrder {
  private static final String VERSION = "2";
  private static final int CHECK_BYTES = 4;
  private static final byte[] CHECK_SALT = "abstracta-cursor".getBytes(StandardCharsets.UTF_8);
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final SortField BY_ID = new SortField(Fields.ID, SortField.Type.STRING);

  private ResultOrder() {}

  public static Sort sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, BY_ID);
      case NEWEST -> new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true), BY_ID);
      case OLDEST -> new Sort(new UndatedLast().getSortField(false), BY_ID);
    };
  }

  /** The cursor that resumes after {@code last}, a hit sorted by {@link #sort(SortOrder)}. */
  public static String cursor(SortOrder order, FieldDoc last) {
    String value =
        switch (order) {
          case RELEVANCE -> Integer.toHexString(Float.floatToIntBits((Float) last.fields[0]));
          case NEWEST, OLDEST -> Long.toString((Long) last.fields[0]);
        };
    String id = ((BytesRef) last.fields[1]).utf8ToString();
    byte[] plain =
        (VERSION + order.name().charAt(0) + ":" + value + ":" + id)
            .getBytes(StandardCharsets.UTF_8);
    ByteBuffer token = ByteBuffer.allocate(plain.length + CHECK_BYTES);
    token.put(plain).putInt(check(plain, plain.length));
    return BASE64.encodeToString(token.array());
  }

  /**
   * The position a cursor names, for {@code searchAfter}; invalid_cursor if it is not one this
   * service wrote for this order (garbled, edited, or from another sort).
   */
  public static FieldDoc after(SortOrder order, String cursor) {
    String c = cursor.strip();
    byte[] token;
    try {
      token = Base64.getUrlDecoder().decode(c);
    } catch (IllegalArgumentException e) {
      throw invalid("the cursor is damaged");
    }
    // One spelling per cursor (no padding, no stray bits), and the check over it must hold.
    int n = token.length - CHECK_BYTES;
    if (n < 4
        || !BASE64.encodeToString(token).equals(c)
        || ByteBuffer.wrap(token, n, CHECK_BYTES).getInt() != check(token, n)) {
      throw invalid("the cursor is damaged");
    }
    String plain = new String(token, 0, n, StandardCharsets.UTF_8);
    if (!plain.startsWith(VERSION + order.name().charAt(0) + ":")) {
      throw invalid("the cursor belongs to another sort order or version; start again");
    }
    int valueEnd = plain.indexOf(':', 3);
    if (valueEnd < 0 || valueEnd == plain.length() - 1) throw invalid("the cursor is damaged");
    String value = plain.substring(3, valueEnd);
    BytesRef id = new BytesRef(plain.substring(valueEnd + 1));
    Object first;
    try {
      first =
          order == SortOrder.RELEVANCE
              ? (Object) Float.intBitsToFloat(Integer.parseUnsignedInt(value, 16))
              : (Object) Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid("the cursor is damaged");
    }
    if (first instanceof Float f && !Float.isFinite(f)) throw invalid("the cursor is damaged");
    // Doc id MAX_VALUE: the paper at the cursor itself counts as already seen.
    float score = first instanceof Float f ? f : Float.NaN;
    return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {first, id});
  }

  /**
   * A check over the cursor's first {@code length} bytes: catches a garbled or hand-edited cursor
   * (it is not a secret: any position it could name is one a client may page to).
   */
  private static int check(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(CHECK_SALT);
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private static InvalidRequestException invalid(String message) {
    return new InvalidRequestException("cursor", "invalid_cursor", message);
  }

  /** The date as epoch day, with {@link PaperDocuments#NO_DATE} mapped to after every date. */
  private static final class UndatedLast extends LongValuesSource {
    @Override
    public LongValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      NumericDocValues dates = DocValues.getNumeric(ctx.reader(), Fields.DATE);
      return new LongValues() {
        @Override
        public long longValue() throws IOException {
          long v = dates.longValue();
          return v == PaperDocuments.NO_DATE ? Long.MAX_VALUE : v;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          return dates.advanceExact(doc);
        }
      };
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public LongValuesSource rewrite(IndexSearcher searcher) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return true;
    }

    @Override
    public int hashCode() {
      return UndatedLast.class.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UndatedLast;
    }

    @Override
    public String toString() {
      return "date(undated last)";
    }
  }
}
