package org.abstracta.searchapi.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
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

  private final PaperSearcher searcher;
  private final FacetFilters filters;

  FacetCounter(PaperSearcher searcher, FacetFilters filters) {
    this.searcher = searcher;
    this.filters = filters;
  }

  /**
   * One result per dimension in {@code dims}, in {@link Facets#ALL} order. The counting runs side
   * by side on {@link SearchThreads}: authors, and the small dimensions (which share one doc-values
   * field, counted once per set of hits).
   */
  List<FacetResult> count(
      List<String> dims, FacetsCollector drillDown, Map<String, FacetsCollector> sideways)
      throws IOException {
    List<Callable<Object>> tasks = new ArrayList<>();
    Map<FacetsCollector, Integer> smallTask = new IdentityHashMap<>();
    int[] taskOf = new int[dims.size()];
    for (int i = 0; i < dims.size(); i++) {
      FacetsCollector hits = sideways.getOrDefault(dims.get(i), drillDown);
      if (Facets.AUTHOR.equals(dims.get(i))) {
        taskOf[i] = tasks.size();
        tasks.add(() -> authors(hits));
      } else {
        Integer task = smallTask.get(hits);
        if (task == null) {
          task = tasks.size();
          smallTask.put(hits, task);
          tasks.add(() -> counts(hits));
        }
        taskOf[i] = task;
      }
    }
    List<Object> counted = SearchThreads.TASKS.invokeAll(tasks);
    List<FacetResult> out = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      String dim = dims.get(i);
      Object c = counted.get(taskOf[i]);
      if (Facets.AUTHOR.equals(dim)) {
        @SuppressWarnings("unchecked")
        List<FacetValue> authors = (List<FacetValue>) c;
        out.add(new FacetResult(dim, authors));
      } else {
        out.add(
            new FacetResult(dim, c == null ? List.of() : values(dim, (FacetOrdinals.Counts) c)));
      }
    }
    return out;
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

  /** The small dimensions' counts over {@code hits}, or null while no document has a value. */
  private FacetOrdinals.Counts counts(FacetsCollector hits) throws IOException {
    FacetOrdinals ordinals = searcher.facetOrdinals();
    return ordinals == null ? null : ordinals.count(hits);
  }

  /** The top authors among the hits, then any selected author not among them. */
  private List<FacetValue> authors(FacetsCollector hits) throws IOException {
    AuthorOrdinals ordinals = searcher.authorOrdinals();
    if (ordinals == null) return List.of();
    List<FacetValue> out = new ArrayList<>();
    for (LabelAndValue lv :
        ordinals.top(hits, TOP_AUTHORS, filters.selectedValues(Facets.AUTHOR))) {
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
