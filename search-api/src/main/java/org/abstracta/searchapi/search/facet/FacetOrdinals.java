package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Counts of the dimensions sharing the {@code $facets} field (subject, year, type, source, hasCode)
 * over a query's hits, from {@link FacetValueSets}, with every value's path decoded once per
 * snapshot. A hierarchical value is indexed with each of its prefixes ({@code subject}, {@code
 * subject/cs}, {@code subject/cs/cs.LG}), so a parent's count is its own ordinal's count. Values
 * are listed as Lucene's {@code SortedSetDocValuesFacetCounts} lists them: most documents first,
 * then name order.
 */
public final class FacetOrdinals {
  private static final int[] NONE = new int[0];

  private final FacetValueSets sets;
  private final String[] labels;
  private final Map<String, int[]> children;
  private final Map<String, Integer> ordOfPath;

  private FacetOrdinals(
      FacetValueSets sets,
      String[] labels,
      Map<String, int[]> children,
      Map<String, Integer> ordOfPath) {
    this.sets = sets;
    this.labels = labels;
    this.children = children;
    this.ordOfPath = ordOfPath;
  }

  /** Reads the field of {@code state}; null when no document has a value. */
  static FacetOrdinals build(IndexReader reader, SortedSetDocValuesReaderState state)
      throws IOException {
    if (state == null) return null;
    FacetValueSets sets = FacetValueSets.read(reader, state);
    int size = sets.valueCount();
    String[] labels = new String[size];
    Map<String, List<Integer>> kids = new HashMap<>();
    Map<String, Integer> ordOfPath = new HashMap<>();
    SortedSetDocValues values = state.getDocValues();
    for (int ord = 0; ord < size; ord++) {
      String key = values.lookupOrd(ord).utf8ToString();
      String[] path = FacetsConfig.stringToPath(key);
      ordOfPath.put(key, ord);
      labels[ord] = path[path.length - 1];
      if (path.length > 1) {
        String parent = FacetsConfig.pathToString(Arrays.copyOf(path, path.length - 1));
        kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(ord);
      }
    }
    Map<String, int[]> children = new HashMap<>();
    kids.forEach((k, v) -> children.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return new FacetOrdinals(sets, labels, children, ordOfPath);
  }

  /** Counts over a query's hits. */
  Counts count(FacetsCollector hits) throws IOException {
    return sum(List.of(countPart(hits, 0, 1)));
  }

  /**
   * The counts over the hits in part {@code part} of {@code parts} document ranges: the parts may
   * be counted on several threads, then {@link #sum added up}.
   */
  int[] countPart(FacetsCollector hits, int part, int parts) throws IOException {
    int[] counts = new int[sets.valueCount()];
    sets.count(hits, counts, part, parts);
    return counts;
  }

  /** The counts of all parts together. */
  Counts sum(List<int[]> parts) {
    int[] total = parts.getFirst();
    for (int p = 1; p < parts.size(); p++) {
      int[] part = parts.get(p);
      for (int i = 0; i < total.length; i++) total[i] += part[i];
    }
    return new Counts(total);
  }

  /** Counts over every document of the snapshot. */
  public Counts all() {
    return new Counts(sets.totals());
  }

  /** Counts of one set of documents. */
  public final class Counts {
    private final int[] counts;

    private Counts(int[] counts) {
      this.counts = counts;
    }

    /** The children of {@code dim/path} that have documents: most first, then name order. */
    public List<LabelAndValue> top(int top, String dim, String... path) {
      int[] ords = present(dim, path);
      Integer[] sorted = new Integer[ords.length];
      for (int i = 0; i < ords.length; i++) sorted[i] = ords[i];
      // Children are in ordinal (name) order; a stable sort by count keeps it within a count.
      Arrays.sort(sorted, (a, b) -> Integer.compare(counts[b], counts[a]));
      List<LabelAndValue> out = new ArrayList<>();
      for (int i = 0; i < Math.min(top, sorted.length); i++) {
        out.add(new LabelAndValue(labels[sorted[i]], counts[sorted[i]]));
      }
      return out;
    }

    /** The documents holding exactly {@code dim/path} (0 for a value the snapshot lacks). */
    int value(String dim, String... path) {
      Integer ord = ordOfPath.get(FacetsConfig.pathToString(dim, path));
      return ord == null ? 0 : counts[ord];
    }

    private int[] present(String dim, String... path) {
      int[] ords = children.getOrDefault(FacetsConfig.pathToString(dim, path), NONE);
      return Arrays.stream(ords).filter(o -> counts[o] > 0).toArray();
    }
  }
}
