package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.abstracta.indexer.schema.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Author counts over a query's hits, for the one dimension with hundreds of thousands of values.
 *
 * <p>Lucene's {@code SortedSetDocValuesFacetCounts} allocates a counter per value and ranks every
 * value on each request, which made the author facet the costliest part of a search. Here counting
 * reads {@link DocOrdinals}, counters are pooled arrays cleared by what was touched, and the top
 * authors are found by visiting authors in descending order of their paper count over the whole
 * snapshot: the visit stops as soon as the next author has fewer papers in all than the last of the
 * current top list has among the hits. Ties rank by ordinal (name order), as Lucene's counts do.
 *
 * <p>Counters are indexed by that rank, not by ordinal, and counting starts with the prolific: a
 * first pass counts only the authors of at least (hits / {@link #HITS_PER_FIRST_PASS_PAPER})
 * papers, their counters side by side at the front of the array. Once the top list is full with
 * counts of at least that many, no author left out can reach it (an author's hits are at most their
 * papers). Else a second pass adds every author who could still reach it: those with at least as
 * many papers as the last of the list has hits, or everyone when the list is not full. The list's
 * counts can only grow, so that pass is the last.
 */
final class AuthorOrdinals {
  /**
   * {@link #select} reads the touched ranks instead of scanning when they are fewer than the ranks
   * to scan over this (a touched rank is a random read, a scanned one sequential).
   */
  private static final int TOUCHED_SCAN_RATIO = 4;

  /**
   * Counter arrays kept for reuse (a request borrows one per counting part); more concurrent
   * requests allocate and drop their own.
   */
  private static final int POOLED_ARRAYS = 2 * Math.max(2, SearchThreads.COUNT);

  /**
   * The first counting pass takes the authors with at least (hits / this) papers. Among the arXiv
   * papers the tenth author's count is about hits / 500 (from hits / 320 to hits / 750 for 2–3 word
   * queries over 112k and over 2M papers); half of that leaves a margin, so that the first pass is
   * usually the last while leaving out most authors of a query with many hits.
   */
  static final int HITS_PER_FIRST_PASS_PAPER = 1000;

  private final SortedSetDocValuesReaderState state;
  private final DocOrdinals ordinals;
  private final int[] totals;

  /** Ordinals by descending total, ascending ordinal within a total: rank to ordinal. */
  private final int[] byTotal;

  private final ConcurrentLinkedQueue<int[]> pool = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pooled = new AtomicInteger();

  private final int hitsPerFirstPassPaper;

  private AuthorOrdinals(
      SortedSetDocValuesReaderState state, DocOrdinals ordinals, int hitsPerFirstPassPaper) {
    this.state = state;
    this.hitsPerFirstPassPaper = hitsPerFirstPassPaper;
    this.ordinals = ordinals;
    this.totals = ordinals.totals();
    this.byTotal = ordersByTotal(totals);
    int[] rank = new int[totals.length];
    for (int r = 0; r < byTotal.length; r++) rank[byTotal[r]] = r;
    ordinals.rank(rank);
  }

  /** Reads every document's authors; null when no document has one. */
  static AuthorOrdinals build(IndexReader reader, SortedSetDocValuesReaderState state)
      throws IOException {
    return build(reader, state, HITS_PER_FIRST_PASS_PAPER);
  }

  /** As above, with another first pass (tests make small indexes take both passes). */
  static AuthorOrdinals build(
      IndexReader reader, SortedSetDocValuesReaderState state, int hitsPerFirstPassPaper)
      throws IOException {
    return state == null
        ? null
        : new AuthorOrdinals(state, DocOrdinals.read(reader, state), hitsPerFirstPassPaper);
  }

  /** Ordinals by descending total, ascending ordinal within a total (a counting sort). */
  private static int[] ordersByTotal(int[] totals) {
    int max = 0;
    for (int t : totals) max = Math.max(max, t);
    int[] start = new int[max + 2];
    for (int t : totals) start[max - t + 1]++;
    for (int i = 1; i < start.length; i++) start[i] += start[i - 1];
    int[] order = new int[totals.length];
    for (int ord = 0; ord < totals.length; ord++) order[start[max - totals[ord]]++] = ord;
    return order;
  }

  /**
   * The {@code top} authors among {@code hits} with their counts, then every {@code selected} name
   * not among them (with its count, 0 when it has none), in that order.
   */
  List<LabelAndValue> top(FacetsCollector hits, int top, Collection<String> selected)
      throws IOException {
    return top(hits, top, selected, 1);
  }

  /** As above, each counting pass in {@code parts} document ranges side by side. */
  List<LabelAndValue> top(FacetsCollector hits, int top, Collection<String> selected, int parts)
      throws IOException {
    int[] counts = borrow();
    DocOrdinals.Touched touched = new DocOrdinals.Touched();
    boolean cleared = false;
    try {
      int papers = Math.max(1, FacetCounter.totalHits(hits) / hitsPerFirstPassPaper);
      int counted = ranksWithAtLeast(papers); // ranks below it are counted
      count(hits, counts, touched, 0, counted, parts);
      int[] best = select(counts, touched, top, counted);
      boolean full = best.length == top;
      int last = full && top > 0 ? counts[best[top - 1]] : papers;
      // An author left out has fewer papers, so fewer hits, than that: a list full at it is final.
      if (!full || last < papers) {
        // Counting can only raise the list's counts: with every author who could reach its last
        // count (everyone while it is not full), it is final.
        int end = full ? ranksWithAtLeast(last) : byTotal.length;
        count(hits, counts, touched, counted, end, parts);
        counted = end;
        best = select(counts, touched, top, counted);
      }
      Map<String, Integer> selectedCounts =
          selectedCounts(hits, selected, counts, touched, counted);
      List<LabelAndValue> out = labelled(best, counts, selectedCounts);
      touched.clear(counts);
      cleared = true;
      return out;
    } finally {
      if (cleared) release(counts); // else counting failed half-way: drop the array
    }
  }

  /**
   * Counts ranks {@code [from, to)} of the hits into {@code counts}, in {@code parts} document
   * ranges on {@link SearchThreads}: the first into {@code counts}, each other into an array of its
   * own that is then added to {@code counts} by what it touched.
   */
  private void count(
      FacetsCollector hits, int[] counts, DocOrdinals.Touched touched, int from, int to, int parts)
      throws IOException {
    if (parts == 1) {
      ordinals.count(hits, counts, touched, from, to, 0, 1);
      return;
    }
    int[][] partCounts = new int[parts][];
    DocOrdinals.Touched[] partTouched = new DocOrdinals.Touched[parts];
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int p = part;
      partCounts[p] = p == 0 ? counts : borrow();
      partTouched[p] = p == 0 ? touched : new DocOrdinals.Touched();
      tasks.add(
          () -> {
            ordinals.count(hits, partCounts[p], partTouched[p], from, to, p, parts);
            return null;
          });
    }
    SearchThreads.TASKS.invokeAll(tasks);
    for (int p = 1; p < parts; p++) {
      int[] own = partCounts[p];
      DocOrdinals.Touched ranks = partTouched[p];
      for (int i = 0; i < ranks.size(); i++) {
        int rank = ranks.get(i);
        if (counts[rank] == 0) touched.add(rank);
        counts[rank] += own[rank];
      }
      partTouched[p].clear(own);
      release(own);
    }
  }

  /**
   * Each selected name's count among the hits (0 for an unknown name), counting the ranks the
   * passes did not reach.
   */
  private Map<String, Integer> selectedCounts(
      FacetsCollector hits,
      Collection<String> selected,
      int[] counts,
      DocOrdinals.Touched touched,
      int counted)
      throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (selected.isEmpty()) return out;
    SortedSetDocValues names = state.getDocValues();
    for (String name : selected) {
      long ord = names.lookupTerm(new BytesRef(FacetsConfig.pathToString(Facets.AUTHOR, name)));
      if (ord < 0) {
        out.put(name, 0);
        continue;
      }
      int rank = rankOf((int) ord);
      if (rank >= counted) ordinals.count(hits, counts, touched, rank, rank + 1);
      out.put(name, counts[rank]);
    }
    return out;
  }

  /** Every author with papers in this snapshot and their number, in ordinal (name) order. */
  List<LabelAndValue> all() throws IOException {
    SortedSetDocValues names = state.getDocValues();
    List<LabelAndValue> out = new ArrayList<>();
    for (int ord = 0; ord < totals.length; ord++) {
      if (totals[ord] > 0) out.add(new LabelAndValue(label(names.lookupOrd(ord)), totals[ord]));
    }
    return out;
  }

  /** The ranks of the {@code top} highest counts among ranks below {@code limit}, best first. */
  private int[] select(int[] counts, DocOrdinals.Touched touched, int top, int limit) {
    if (top <= 0) return new int[0];
    int[] best = new int[top];
    int size = 0;
    // Few hits touch few of the ranks to scan: then the touched ones are read instead, in any
    // order (the list is the same: ranksBefore is a total order).
    boolean byTouched = touched.size() < limit / TOUCHED_SCAN_RATIO;
    int n = byTouched ? touched.size() : limit;
    for (int i0 = 0; i0 < n; i0++) {
      int rank = byTouched ? touched.get(i0) : i0;
      if (rank >= limit) continue;
      int ord = byTotal[rank];
      // No later author has more papers in all than the last listed has among the hits.
      if (!byTouched && size == top && totals[ord] < counts[best[size - 1]]) break;
      int c = counts[rank];
      if (c == 0) continue;
      if (size == top && !ranksBefore(c, ord, counts[best[size - 1]], byTotal[best[size - 1]])) {
        continue;
      }
      int i = size == top ? size - 1 : size++;
      while (i > 0 && ranksBefore(c, ord, counts[best[i - 1]], byTotal[best[i - 1]])) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = rank;
    }
    return size == top ? best : Arrays.copyOf(best, size);
  }

  /** How many authors have at least {@code papers} papers: ranks below it (a binary search). */
  private int ranksWithAtLeast(int papers) {
    int lo = 0;
    int hi = byTotal.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (totals[byTotal[mid]] >= papers) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The rank of {@code ord}: a binary search in {@link #byTotal}'s order. */
  private int rankOf(int ord) {
    int lo = 0;
    int hi = byTotal.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int other = byTotal[mid];
      if (other == ord) return mid;
      if (ranksBefore(totals[other], other, totals[ord], ord)) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new IllegalStateException("no rank for ordinal " + ord);
  }

  private static boolean ranksBefore(int count, int ord, int otherCount, int otherOrd) {
    return count > otherCount || (count == otherCount && ord < otherOrd);
  }

  private List<LabelAndValue> labelled(int[] ranks, int[] counts, Map<String, Integer> selected)
      throws IOException {
    SortedSetDocValues names = state.getDocValues();
    Map<String, LabelAndValue> out = new LinkedHashMap<>();
    for (int rank : ranks) {
      String label = label(names.lookupOrd(byTotal[rank]));
      out.put(label, new LabelAndValue(label, counts[rank]));
    }
    for (Map.Entry<String, Integer> e : selected.entrySet()) {
      out.putIfAbsent(e.getKey(), new LabelAndValue(e.getKey(), e.getValue()));
    }
    return new ArrayList<>(out.values());
  }

  private static String label(BytesRef term) {
    // Stored as dimension, a delimiter, then the name.
    return FacetsConfig.stringToPath(term.utf8ToString())[1];
  }

  private int[] borrow() {
    int[] counts = pool.poll();
    if (counts == null) return new int[ordinals.valueCount()];
    pooled.decrementAndGet();
    return counts;
  }

  private void release(int[] counts) {
    if (pooled.incrementAndGet() <= POOLED_ARRAYS) pool.add(counts);
    else pooled.decrementAndGet();
  }
}
