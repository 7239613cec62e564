package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Every document's values of one doc-values field as one of the snapshot's distinct value sets, for
 * a field whose values repeat together: papers of one subject, year, type and source share the same
 * dozen or so ordinals, and the 112,788 arXiv papers hold 6,848 distinct sets. Counting many hits
 * then adds one per hit to its set's counter and each set's count to its values once, instead of
 * one per value per hit; few hits add their set's values directly. Read once per index snapshot;
 * about 4 bytes per document plus the sets.
 */
final class FacetValueSets {
  /**
   * Counting by set pays a pass over every set; it is the cheaper way when the hits are at least
   * this fraction of the sets (a hit's values cost about as much as this many sets' checks).
   */
  private static final int VALUES_PER_SET_CHECK = 8;

  /** Per segment, each document's set. */
  private final int[][] setOfDoc;

  /** The values of set {@code s}: {@code values[starts[s] .. starts[s + 1])}. */
  private final int[] starts;

  private final int[] values;
  private final int[] totals;

  private FacetValueSets(int[][] setOfDoc, int[] starts, int[] values, int[] totals) {
    this.setOfDoc = setOfDoc;
    this.starts = starts;
    this.values = values;
    this.totals = totals;
  }

  /** Reads the field of {@code state} from every document of {@code reader}. */
  static FacetValueSets read(IndexReader reader, SortedSetDocValuesReaderState state)
      throws IOException {
    Builder builder = new Builder(reader);
    int[] totals = DocOrdinals.forEachDocument(reader, state, builder);
    return builder.build(totals);
  }

  /** Numbers each distinct set of values in the order first seen (set 0: no values). */
  private static final class Builder implements DocOrdinals.DocumentValues {
    private final int[][] setOfDoc;
    private final Map<ValueSet, Integer> ids = new HashMap<>();
    private int[] starts = new int[1024];
    private int[] values = new int[4096];
    private int sets;

    Builder(IndexReader reader) {
      setOfDoc = new int[reader.leaves().size()][];
      for (int i = 0; i < setOfDoc.length; i++) {
        setOfDoc[i] = new int[reader.leaves().get(i).reader().maxDoc()];
      }
      id(new int[0], 0);
    }

    @Override
    public void accept(int segment, int doc, int maxDoc, int[] docValues, int count) {
      setOfDoc[segment][doc] = id(docValues, count);
    }

    private int id(int[] docValues, int count) {
      ValueSet key = new ValueSet(Arrays.copyOf(docValues, count));
      Integer id = ids.get(key);
      if (id != null) return id;
      if (sets + 2 > starts.length) starts = Arrays.copyOf(starts, starts.length * 2);
      int end = starts[sets];
      if (end + count > values.length) {
        values = Arrays.copyOf(values, Math.max(end + count, values.length * 2));
      }
      System.arraycopy(docValues, 0, values, end, count);
      starts[sets + 1] = end + count;
      ids.put(key, sets);
      return sets++;
    }

    FacetValueSets build(int[] totals) {
      int[] s = Arrays.copyOf(starts, sets + 1);
      return new FacetValueSets(setOfDoc, s, Arrays.copyOf(values, s[sets]), totals);
    }
  }

  /** A set's values as a hash key. */
  private record ValueSet(int[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ValueSet other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /** How many values the field has in this snapshot (the size of a counts array). */
  int valueCount() {
    return totals.length;
  }

  /** How many distinct sets of values the documents have (the set without values included). */
  int setCount() {
    return starts.length - 1;
  }

  /** Each value's number of (live) documents. Not to be modified. */
  int[] totals() {
    return totals;
  }

  /**
   * Adds one to {@code counts[value]} for each value of each hit in part {@code part} of {@code
   * parts} equal document ranges of each segment: the parts, counted on several threads and added
   * up, give the whole count.
   */
  void count(FacetsCollector hits, int[] counts, int part, int parts) throws IOException {
    long hitsInPart = FacetCounter.totalHits(hits) / parts;
    if (hitsInPart * VALUES_PER_SET_CHECK >= setCount()) {
      int[] perSet = new int[setCount()];
      forEachHit(hits, part, parts, perSet, null);
      for (int set = 0; set < perSet.length; set++) {
        int n = perSet[set];
        if (n == 0) continue;
        for (int i = starts[set], end = starts[set + 1]; i < end; i++) counts[values[i]] += n;
      }
    } else {
      forEachHit(hits, part, parts, null, counts);
    }
  }

  /**
   * For each hit in the part, adds one to {@code perSet[its set]} when that is given, else to
   * {@code counts[value]} for each of its values.
   */
  private void forEachHit(FacetsCollector hits, int part, int parts, int[] perSet, int[] counts)
      throws IOException {
    for (MatchingDocs m : hits.getMatchingDocs()) {
      if (m.totalHits() == 0) continue;
      int[] sets = setOfDoc[m.context().ord];
      int lo = SearchThreads.boundary(sets.length, part, parts);
      int hi = SearchThreads.boundary(sets.length, part + 1, parts);
      if (lo >= hi) continue;
      DocIdSetIterator it = m.bits().iterator();
      if (perSet != null) {
        for (int doc = it.advance(lo); doc < hi; doc = it.nextDoc()) perSet[sets[doc]]++;
      } else {
        for (int doc = it.advance(lo); doc < hi; doc = it.nextDoc()) {
          int set = sets[doc];
          for (int i = starts[set], end = starts[set + 1]; i < end; i++) counts[values[i]]++;
        }
      }
    }
  }
}
