package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;

/**
 * Every document's facet values of one doc-values field as snapshot-wide ordinals in plain arrays,
 * read once per index snapshot (on the refresh thread), so that counting a query's hits is array
 * arithmetic instead of decoding doc values and mapping segment ordinals for every hit, which is
 * what made facet counting the costliest part of a search. About 4 bytes per value of a document.
 */
final class DocOrdinals {
  /** One segment's documents' values: {@code ords[starts[doc] .. starts[doc + 1])}. */
  private record Segment(int[] starts, int[] ords) {}

  /**
   * Hits counted together (see {@link #count(FacetsCollector, int[], Touched, int, int, int,
   * int)}).
   */
  private static final int BATCH = 64;

  /** Keeps the values read ahead of counting from being optimized away. */
  @SuppressWarnings("unused")
  private static volatile int sink;

  private final Segment[] segments;
  private final int[] totals;

  private DocOrdinals(Segment[] segments, int[] totals) {
    this.segments = segments;
    this.totals = totals;
  }

  /** Reads the field of {@code state} from every document of {@code reader}. */
  static DocOrdinals read(IndexReader reader, SortedSetDocValuesReaderState state)
      throws IOException {
    Builder builder = new Builder(reader.leaves().size());
    int[] totals = forEachDocument(reader, state, builder);
    return new DocOrdinals(builder.segments, totals);
  }

  /** Gathers each segment's values into a {@link Segment} as they are read. */
  private static final class Builder implements DocumentValues {
    final Segment[] segments;
    private int[] starts;
    private int[] ords;
    private int n;

    Builder(int segmentCount) {
      segments = new Segment[segmentCount];
      Arrays.fill(segments, new Segment(new int[1], new int[0])); // until read: no documents
    }

    @Override
    public void accept(int segment, int doc, int maxDoc, int[] values, int count) {
      if (doc == 0) {
        starts = new int[maxDoc + 1];
        ords = new int[Math.max(16, maxDoc * 4)];
        n = 0;
      }
      starts[doc] = n;
      if (n + count > ords.length) ords = Arrays.copyOf(ords, Math.max(n + count, n * 3 / 2));
      System.arraycopy(values, 0, ords, n, count);
      n += count;
      if (doc == maxDoc - 1) {
        starts[maxDoc] = n;
        segments[segment] = new Segment(starts, Arrays.copyOf(ords, n));
      }
    }
  }

  /** Receives one document's values of a doc-values field as snapshot-wide ordinals. */
  @FunctionalInterface
  interface DocumentValues {
    /**
     * Document {@code doc} (of {@code maxDoc}) of segment {@code segment} has the values {@code
     * values[0 .. count)}, in the field's order (deleted documents included). The array is reused
     * for the next document.
     */
    void accept(int segment, int doc, int maxDoc, int[] values, int count);
  }

  /**
   * Calls {@code consumer} for every document of every segment of {@code reader}, in order,
   * including those without a value (count 0) and deleted ones. Returns each value's number of live
   * documents.
   */
  static int[] forEachDocument(
      IndexReader reader, SortedSetDocValuesReaderState state, DocumentValues consumer)
      throws IOException {
    OrdinalMap ordinalMap =
        state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
            ? multi.mapping
            : null; // a single segment: its ordinals are the snapshot's
    int[] totals = new int[state.getSize()];
    int[] values = new int[16];
    for (LeafReaderContext leaf : reader.leaves()) {
      int maxDoc = leaf.reader().maxDoc();
      SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(state.getField());
      LongValues global =
          ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(leaf.ord);
      Bits live = leaf.reader().getLiveDocs();
      int doc = dv == null ? DocIdSetIterator.NO_MORE_DOCS : dv.nextDoc();
      for (int d = 0; d < maxDoc; d++) {
        int count = 0;
        if (d == doc) {
          count = dv.docValueCount();
          if (count > values.length) values = new int[Math.max(count, values.length * 2)];
          for (int i = 0; i < count; i++) values[i] = (int) global.get(dv.nextOrd());
          doc = dv.nextDoc();
        }
        if (live == null || live.get(d)) {
          for (int i = 0; i < count; i++) totals[values[i]]++;
        }
        consumer.accept(leaf.ord, d, maxDoc, values, count);
      }
    }
    return totals;
  }

  /** How many values the field has in this snapshot (the size of a counts array). */
  int valueCount() {
    return totals.length;
  }

  /** Each value's number of (live) documents. Not to be modified. */
  int[] totals() {
    return totals;
  }

  /**
   * Replaces every value by {@code rank[value]} and sorts each document's values ascending, so that
   * counting can look at a window of values (see {@link #count(FacetsCollector, int[], Touched,
   * int, int)}). The totals stay by the original values.
   */
  void rank(int[] rank) {
    for (Segment segment : segments) {
      int[] starts = segment.starts();
      int[] ords = segment.ords();
      for (int i = 0; i < ords.length; i++) ords[i] = rank[ords[i]];
      for (int doc = 0; doc + 1 < starts.length; doc++) {
        if (starts[doc + 1] - starts[doc] > 1) Arrays.sort(ords, starts[doc], starts[doc + 1]);
      }
    }
  }

  /**
   * Adds one to {@code counts[value]} for each value in {@code [from, to)} of each hit: after
   * {@link #rank(int[])} a document's values are ascending, so counting a document skips the values
   * below the window and stops at the first past it. Values that go from 0 to 1 are added to {@code
   * touched} when it is not null (to clear a reused array cheaply).
   */
  void count(FacetsCollector hits, int[] counts, Touched touched, int from, int to)
      throws IOException {
    count(hits, counts, touched, from, to, 0, 1);
  }

  /**
   * As above, for the hits in document range {@code part} of {@code parts} equal ranges of each
   * segment: the parts, counted on several threads into their own arrays and added up, give the
   * whole count.
   */
  void count(
      FacetsCollector hits, int[] counts, Touched touched, int from, int to, int part, int parts)
      throws IOException {
    int[] first = new int[BATCH];
    int[] last = new int[BATCH];
    int loaded = 0;
    for (MatchingDocs m : hits.getMatchingDocs()) {
      if (m.totalHits() == 0) continue;
      Segment segment = segments[m.context().ord];
      int[] starts = segment.starts();
      int[] ords = segment.ords();
      int maxDoc = starts.length - 1;
      int lo = SearchThreads.boundary(maxDoc, part, parts);
      int hi = SearchThreads.boundary(maxDoc, part + 1, parts);
      if (lo >= hi) continue;
      DocIdSetIterator it = m.bits().iterator();
      int doc = it.advance(lo);
      while (doc < hi) {
        int n = 0;
        for (; n < BATCH && doc < hi; doc = it.nextDoc()) first[n++] = doc;
        // Where each hit's values are, then the first of them: each pass's loads are independent,
        // so the processor has many cache misses under way at once instead of one per hit.
        for (int k = 0; k < n; k++) {
          int d = first[k];
          first[k] = starts[d];
          last[k] = starts[d + 1];
        }
        int touch = 0;
        for (int k = 0; k < n; k++) if (first[k] < last[k]) touch ^= ords[first[k]];
        loaded ^= touch;
        for (int k = 0; k < n; k++) {
          for (int i = first[k], end = last[k]; i < end; i++) {
            int ord = ords[i];
            if (ord < from) continue;
            if (ord >= to) break;
            if (counts[ord]++ == 0 && touched != null) touched.add(ord);
          }
        }
      }
    }
    sink = loaded;
  }

  /** The values a count took from 0, to set them back to 0 afterwards. */
  static final class Touched {
    private int[] values = new int[256];
    private int size;

    void add(int value) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = value;
    }

    int size() {
      return size;
    }

    /** The {@code i}th value touched. */
    int get(int i) {
      return values[i];
    }

    /** Sets every touched counter back to 0. */
    void clear(int[] counts) {
      for (int i = 0; i < size; i++) counts[values[i]] = 0;
      size = 0;
    }
  }
}
