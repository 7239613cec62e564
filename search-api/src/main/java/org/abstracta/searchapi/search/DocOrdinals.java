package org.abstracta.searchapi.search;

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

  private final Segment[] segments;
  private final int[] totals;

  private DocOrdinals(Segment[] segments, int[] totals) {
    this.segments = segments;
    this.totals = totals;
  }

  /** Reads the field of {@code state} from every document of {@code reader}. */
  static DocOrdinals read(IndexReader reader, SortedSetDocValuesReaderState state)
      throws IOException {
    int[] totals = new int[state.getSize()];
    OrdinalMap ordinalMap =
        state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
            ? multi.mapping
            : null; // a single segment: its ordinals are the snapshot's
    Segment[] segments = new Segment[reader.leaves().size()];
    for (LeafReaderContext leaf : reader.leaves()) {
      int maxDoc = leaf.reader().maxDoc();
      int[] starts = new int[maxDoc + 1];
      int[] ords = new int[Math.max(16, maxDoc * 4)];
      int n = 0;
      SortedSetDocValues dv = leaf.reader().getSortedSetDocValues(state.getField());
      LongValues global =
          ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(leaf.ord);
      Bits live = leaf.reader().getLiveDocs();
      int doc = dv == null ? DocIdSetIterator.NO_MORE_DOCS : dv.nextDoc();
      for (int d = 0; d < maxDoc; d++) {
        starts[d] = n;
        if (d != doc) continue;
        int count = dv.docValueCount();
        if (n + count > ords.length) ords = Arrays.copyOf(ords, Math.max(n + count, n * 3 / 2));
        boolean counted = live == null || live.get(d);
        for (int i = 0; i < count; i++) {
          int ord = (int) global.get(dv.nextOrd());
          ords[n++] = ord;
          if (counted) totals[ord]++;
        }
        doc = dv.nextDoc();
      }
      starts[maxDoc] = n;
      segments[leaf.ord] = new Segment(starts, Arrays.copyOf(ords, n));
    }
    return new DocOrdinals(segments, totals);
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
   * Adds one to {@code counts[value]} for each value of each hit in part {@code part} of {@code
   * parts} equal document ranges of each segment: the parts, counted on several threads and added
   * up, give the whole count.
   */
  void count(FacetsCollector hits, int[] counts, int part, int parts) throws IOException {
    count(hits, counts, null, 0, Integer.MAX_VALUE, part, parts);
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
   * The values in {@code [from, to)} of the hits in document range {@code part} of {@code parts}.
   */
  private void count(
      FacetsCollector hits, int[] counts, Touched touched, int from, int to, int part, int parts)
      throws IOException {
    for (MatchingDocs m : hits.getMatchingDocs()) {
      if (m.totalHits() == 0) continue;
      Segment segment = segments[m.context().ord];
      int[] starts = segment.starts();
      int[] ords = segment.ords();
      int maxDoc = starts.length - 1;
      int lo = (int) ((long) maxDoc * part / parts);
      int hi = (int) ((long) maxDoc * (part + 1) / parts);
      if (lo >= hi) continue;
      DocIdSetIterator it = m.bits().iterator();
      for (int doc = it.advance(lo); doc < hi; doc = it.nextDoc()) {
        int i = starts[doc];
        int end = starts[doc + 1];
        while (i < end && ords[i] < from) i++;
        for (; i < end; i++) {
          int ord = ords[i];
          if (ord >= to) break;
          if (counts[ord]++ == 0 && touched != null) touched.add(ord);
        }
      }
    }
  }

  /** The values a count took from 0, to set them back to 0 afterwards. */
  static final class Touched {
    private int[] values = new int[256];
    private int size;

    void add(int value) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = value;
    }

    /** Sets every touched counter back to 0. */
    void clear(int[] counts) {
      for (int i = 0; i < size; i++) counts[values[i]] = 0;
      size = 0;
    }
  }
}
