package org.abstracta.searchapi.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.text.SubjectCatalog;
import org.abstracta.searchapi.search.FacetResult.FacetValue;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Turns collected hits into the API's facet counts: each dimension counted over the hits of the
 * query with every filter but its own (the drill-sideways hits when it has a filter), subject as
 * archive → categories with labels, years newest first, authors top ten, and selected values always
 * listed.
 */
final class FacetCounter {
  static final int TOP_AUTHORS = 10;
  static final int TOP_VALUES = 20;

  /** From this many hits on, each dimension is counted in parts on several threads. */
  private static final int PARALLEL_HITS = 4096;

  private final PaperSearcher searcher;
  private final FacetFilters filters;

  FacetCounter(PaperSearcher searcher, FacetFilters filters) {
    this.searcher = searcher;
    this.filters = filters;
  }

  /**
   * One result per dimension in {@code dims}, in {@link Facets#ALL} order. The counting runs side
   * by side on {@link SearchThreads}: authors, and the small dimensions (which share one doc-values
   * field, counted once per set of hits); each in parts when the hits are many.
   */
  List<FacetResult> count(
      List<String> dims, FacetsCollector drillDown, Map<String, FacetsCollector> sideways)
      throws IOException {
    FacetOrdinals ordinals = searcher.facetOrdinals();
    List<Callable<Object>> tasks = new ArrayList<>();
    // Per dimension, the tasks whose results make its counts: [first, end).
    int[] first = new int[dims.size()];
    int[] end = new int[dims.size()];
    Map<FacetsCollector, int[]> smallTasks = new IdentityHashMap<>();
    for (int i = 0; i < dims.size(); i++) {
      FacetsCollector hits = sideways.getOrDefault(dims.get(i), drillDown);
      int[] range = smallTasks.get(hits);
      int parts = totalHits(hits) >= PARALLEL_HITS ? SearchThreads.COUNT : 1;
      if (Facets.AUTHOR.equals(dims.get(i))) {
        range = new int[] {tasks.size(), tasks.size() + 1};
        tasks.add(() -> authors(hits, parts));
      } else if (range == null && ordinals != null) {
        range = new int[] {tasks.size(), tasks.size() + parts};
        for (int part = 0; part < parts; part++) {
          int p = part;
          tasks.add(() -> ordinals.countPart(hits, p, parts));
        }
        smallTasks.put(hits, range);
      } else if (range == null) {
        range = new int[] {0, 0}; // no document has a value yet
      }
      first[i] = range[0];
      end[i] = range[1];
    }
    List<Object> done = SearchThreads.TASKS.invokeAll(tasks);
    Map<Integer, FacetOrdinals.Counts> sums = new HashMap<>();
    List<FacetResult> out = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      String dim = dims.get(i);
      if (Facets.AUTHOR.equals(dim)) {
        @SuppressWarnings("unchecked")
        List<FacetValue> authors = (List<FacetValue>) done.get(first[i]);
        out.add(new FacetResult(dim, authors));
      } else if (first[i] == end[i]) {
        out.add(new FacetResult(dim, List.of()));
      } else {
        int from = first[i];
        int to = end[i];
        FacetOrdinals.Counts counts =
            sums.computeIfAbsent(
                from,
                k -> {
                  List<int[]> parts = new ArrayList<>();
                  for (int t = from; t < to; t++) parts.add((int[]) done.get(t));
                  return ordinals.sum(parts);
                });
        out.add(new FacetResult(dim, values(dim, counts)));
      }
    }
    return out;
  }

  static int totalHits(FacetsCollector hits) {
    int n = 0;
    for (FacetsCollector.MatchingDocs m : hits.getMatchingDocs()) n += m.totalHits();
    return n;
  }

  /** Every value of {@code dim} over all documents whose value or label starts with prefix. */
  FacetResult allValues(String dim, String prefix, int size) throws IOException {
    if (Facets.AUTHOR.equals(dim)) {
      List<FacetValue> values = new ArrayList<>();
      for (AuthorNames.Name n : searcher.authorNames().withPrefix(prefix, size)) {
        values.add(new FacetValue(n.label(), n.label(), n.count(), false, List.of()));
      }
      return new FacetResult(dim, values);
    }
    FacetOrdinals ordinals = searcher.facetOrdinals();
    if (ordinals == null) return new FacetResult(dim, List.of());
    List<FacetValue> all = values(dim, ordinals.all(), Integer.MAX_VALUE);
    String p = Folding.fold(prefix == null ? "" : prefix.strip());
    List<FacetValue> values = new ArrayList<>();
    for (FacetValue v : all) {
      List<FacetValue> children =
          v.children().stream().filter(c -> matches(c, p)).limit(size).toList();
      if (matches(v, p) || !children.isEmpty()) {
        values.add(
            new FacetValue(
                v.value(),
                v.label(),
                v.count(),
                v.selected(),
                matches(v, p) ? v.children() : children));
      }
      if (values.size() >= size) break;
    }
    return new FacetResult(dim, values);
  }

  private static boolean matches(FacetValue v, String foldedPrefix) {
    return Folding.wordStartsWith(Folding.fold(v.value()), foldedPrefix)
        || Folding.wordStartsWith(Folding.fold(v.label()), foldedPrefix);
  }

  /** The top authors among the hits, then any selected author not among them. */
  private List<FacetValue> authors(FacetsCollector hits, int parts) throws IOException {
    AuthorOrdinals ordinals = searcher.authorOrdinals();
    if (ordinals == null) return List.of();
    List<FacetValue> out = new ArrayList<>();
    for (LabelAndValue lv :
        ordinals.top(hits, TOP_AUTHORS, filters.selectedValues(Facets.AUTHOR), parts)) {
      out.add(flat(Facets.AUTHOR, lv.label, lv.value.longValue()));
    }
    return out;
  }

  private List<FacetValue> values(String dim, FacetOrdinals.Counts counts) throws IOException {
    return values(dim, counts, TOP_VALUES);
  }

  private List<FacetValue> values(String dim, FacetOrdinals.Counts counts, int top)
      throws IOException {
    if (Facets.SUBJECT.equals(dim)) return subjects(counts, top);
    if (Facets.YEAR.equals(dim)) return years(counts);
    List<FacetValue> out = new ArrayList<>();
    for (LabelAndValue lv : children(counts, top, dim)) {
      out.add(flat(dim, lv.label, lv.value.longValue()));
    }
    // A selected value stays visible even when it is not among the top values.
    for (String v : filters.selectedValues(dim)) {
      if (out.stream().noneMatch(f -> f.value().equals(v))) {
        out.add(flat(dim, v, counts.value(dim, v)));
      }
    }
    return out;
  }

  private FacetValue flat(String dim, String value, long count) {
    return new FacetValue(value, label(dim, value), count, filters.selected(dim, value), List.of());
  }

  private List<FacetValue> subjects(FacetOrdinals.Counts counts, int top) throws IOException {
    List<FacetValue> out = new ArrayList<>();
    for (LabelAndValue archive : children(counts, top, Facets.SUBJECT)) {
      List<FacetValue> categories = new ArrayList<>();
      for (LabelAndValue cat : children(counts, top, Facets.SUBJECT, archive.label)) {
        categories.add(
            new FacetValue(
                cat.label,
                SubjectCatalog.subject(cat.label).label(),
                cat.value.longValue(),
                filters.selected(Facets.SUBJECT, cat.label),
                List.of()));
      }
      out.add(
          new FacetValue(
              archive.label,
              SubjectCatalog.archiveLabel(archive.label),
              archive.value.longValue(),
              filters.selected(Facets.SUBJECT, archive.label),
              List.copyOf(categories)));
    }
    return out;
  }

  private List<FacetValue> years(FacetOrdinals.Counts counts) throws IOException {
    List<LabelAndValue> sorted = new ArrayList<>(children(counts, Integer.MAX_VALUE, Facets.YEAR));
    sorted.sort(Comparator.comparing((LabelAndValue lv) -> lv.label).reversed());
    List<FacetValue> out = new ArrayList<>();
    for (LabelAndValue lv : sorted) out.add(flat(Facets.YEAR, lv.label, lv.value.longValue()));
    return out;
  }

  private static List<LabelAndValue> children(
      FacetOrdinals.Counts counts, int top, String dim, String... path) {
    return counts.top(top, dim, path);
  }

  /** The display label of a flat facet value. */
  static String label(String dim, String value) {
    return switch (dim) {
      case Facets.TYPE ->
          value.isEmpty()
              ? value
              : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
      case Facets.HAS_CODE -> "true".equals(value) ? "Has code" : "No code";
      default -> value;
    };
  }
}
