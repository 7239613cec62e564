package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.text.SubjectCatalog;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.FacetResult.FacetValue;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Turns collected hits into the API's facet counts: each dimension counted over the hits of the
 * query with every filter but its own (the drill-sideways hits when it has a filter), subject as
 * archive → categories with labels, years newest first, authors top ten, and selected values always
 * listed.
 */
public final class FacetCounter {
  static final int TOP_AUTHORS = 10;
  static final int TOP_VALUES = 20;

  /** From this many hits on, each dimension is counted in parts on several threads. */
  private static final int PARALLEL_HITS = 4096;

  private final PaperSearcher searcher;
  private final FacetFilters filters;

  public FacetCounter(PaperSearcher searcher, FacetFilters filters) {
    this.searcher = searcher;
    this.filters = filters;
  }

  /**
   * One result per dimension in {@code dims}, in {@link Facets#ALL} order. The counting runs side
   * by side on {@link SearchThreads}: authors, and the small dimensions (which share one doc-values
   * field, counted once per set of hits); each in parts when the hits are many.
   */
  public List<FacetResult> count(
      List<String> dims, FacetsCollector drillDown, Map<String, FacetsCollector> sideways)
      throws IOException {
    FacetOrdinals ordinals = searcher.facetOrdinals();
    List<Callable<Object>> tasks = new ArrayList<>();
    // Per dimension, how its values come out of the tasks' results.
    List<Function<List<Object>, List<FacetValue>>> results = new ArrayList<>();
    Map<FacetsCollector, SmallCounts> small = new IdentityHashMap<>();
    for (String dim : dims) {
      FacetsCollector hits = sideways.getOrDefault(dim, drillDown);
      if (Facets.AUTHOR.equals(dim)) {
        int task = tasks.size();
        int parts = parts(hits);
        tasks.add(() -> authors(hits, parts));
        @SuppressWarnings("unchecked")
        Function<List<Object>, List<FacetValue>> authors =
            done -> (List<FacetValue>) done.get(task);
        results.add(authors);
      } else if (ordinals == null) {
        results.add(done -> List.of()); // no document has a value yet
      } else {
        SmallCounts counts =
            small.computeIfAbsent(hits, h -> SmallCounts.plan(ordinals, h, parts(h), tasks));
        results.add(done -> values(dim, counts.sum(done)));
      }
    }
    List<Object> done = SearchThreads.TASKS.invokeAll(tasks);
    List<FacetResult> out = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) {
      out.add(new FacetResult(dims.get(i), results.get(i).apply(done)));
    }
    return out;
  }

  /** In how many parts a dimension is counted over {@code hits}. */
  private static int parts(FacetsCollector hits) {
    return totalHits(hits) >= PARALLEL_HITS ? SearchThreads.COUNT : 1;
  }

  /**
   * The small dimensions' counts over one set of hits: tasks {@code [first, first + parts)} of a
   * request count its parts; their sum is taken once, for every dimension that reads it.
   */
  private static final class SmallCounts {
    private final FacetOrdinals ordinals;
    private final int first;
    private final int parts;
    private FacetOrdinals.Counts sum;

    private SmallCounts(FacetOrdinals ordinals, int first, int parts) {
      this.ordinals = ordinals;
      this.first = first;
      this.parts = parts;
    }

    /** Adds the tasks counting {@code hits} in {@code parts} parts to {@code tasks}. */
    static SmallCounts plan(
        FacetOrdinals ordinals, FacetsCollector hits, int parts, List<Callable<Object>> tasks) {
      SmallCounts counts = new SmallCounts(ordinals, tasks.size(), parts);
      for (int part = 0; part < parts; part++) {
        int p = part;
        tasks.add(() -> ordinals.countPart(hits, p, parts));
      }
      return counts;
    }

    /** The counts, from the results {@code done} of the request's tasks. */
    FacetOrdinals.Counts sum(List<Object> done) {
      if (sum == null) {
        List<int[]> counted = new ArrayList<>();
        for (int t = first; t < first + parts; t++) counted.add((int[]) done.get(t));
        sum = ordinals.sum(counted);
      }
      return sum;
    }
  }

  /** Documents collected in {@code hits}. */
  public static int totalHits(FacetsCollector hits) {
    int n = 0;
    for (FacetsCollector.MatchingDocs m : hits.getMatchingDocs()) n += m.totalHits();
    return n;
  }

  /** Every value of {@code dim} over all documents whose value or label starts with prefix. */
  public FacetResult allValues(String dim, String prefix, int size) throws IOException {
    if (Facets.AUTHOR.equals(dim)) {
      List<FacetValue> values = new ArrayList<>();
      for (AuthorNames.Name n : searcher.authorNames().withPrefix(prefix, size)) {
        values.add(new FacetValue(n.label(), n.label(), n.count(), false, List.of()));
      }
      return new FacetResult(dim, values);
    }
    FacetOrdinals ordinals = searcher.facetOrdinals();
    if (ordinals == null) return new FacetResult(dim, List.of());
    return new FacetResult(
        dim, withPrefix(values(dim, ordinals.all(), Integer.MAX_VALUE), prefix, size));
  }

  /**
   * The first {@code size} of {@code all} whose value or label has a word starting with {@code
   * prefix} (case and accents aside), or that have such children (then only those are listed).
   */
  public static List<FacetValue> withPrefix(List<FacetValue> all, String prefix, int size) {
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
                matches(v, p) ? v.children() : children,
                v.inferred()));
      }
      if (values.size() >= size) break;
    }
    return values;
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

  private List<FacetValue> values(String dim, FacetOrdinals.Counts counts) {
    return values(dim, counts, TOP_VALUES);
  }

  private List<FacetValue> values(String dim, FacetOrdinals.Counts counts, int top) {
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
    String label = Facets.SOURCE.equals(dim) ? searcher.sourceLabel(value) : label(dim, value);
    return new FacetValue(value, label, count, filters.selected(dim, value), List.of());
  }

  /**
   * Archives, each with its categories: a value's count is its papers, those given the subject and
   * those only inferred to have it (a paper given any subject has no inferred one, so the two never
   * overlap), and {@code inferred} the latter.
   */
  private List<FacetValue> subjects(FacetOrdinals.Counts counts, int top) {
    List<FacetValue> out = new ArrayList<>();
    for (SubjectCount archive : subjectCounts(counts, top)) {
      List<FacetValue> categories = new ArrayList<>();
      for (SubjectCount cat : subjectCounts(counts, top, archive.code())) {
        categories.add(
            new FacetValue(
                cat.code(),
                SubjectCatalog.subject(cat.code()).label(),
                cat.count(),
                filters.selected(Facets.SUBJECT, cat.code()),
                List.of(),
                cat.inferred()));
      }
      out.add(
          new FacetValue(
              archive.code(),
              SubjectCatalog.archiveLabel(archive.code()),
              archive.count(),
              filters.selected(Facets.SUBJECT, archive.code()),
              List.copyOf(categories),
              archive.inferred()));
    }
    return out;
  }

  /** A subject's papers ({@code count}), of which {@code inferred} have it only inferred. */
  private record SubjectCount(String code, long count, long inferred) {}

  /**
   * The children of {@code path} in the subject dimension and the inferred one together, most
   * papers first, then by code; the first {@code top}.
   */
  private static List<SubjectCount> subjectCounts(
      FacetOrdinals.Counts counts, int top, String... path) {
    Map<String, long[]> byCode = new TreeMap<>();
    for (LabelAndValue lv : children(counts, Integer.MAX_VALUE, Facets.SUBJECT, path)) {
      byCode.computeIfAbsent(lv.label, c -> new long[2])[0] += lv.value.longValue();
    }
    for (LabelAndValue lv : children(counts, Integer.MAX_VALUE, Facets.INFERRED_SUBJECT, path)) {
      long[] c = byCode.computeIfAbsent(lv.label, k -> new long[2]);
      c[0] += lv.value.longValue();
      c[1] += lv.value.longValue();
    }
    List<SubjectCount> out = new ArrayList<>();
    byCode.forEach((code, c) -> out.add(new SubjectCount(code, c[0], c[1])));
    out.sort(Comparator.comparingLong(SubjectCount::count).reversed()); // stable: code order kept
    return out.subList(0, Math.min(top, out.size()));
  }

  private List<FacetValue> years(FacetOrdinals.Counts counts) {
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
  public static String label(String dim, String value) {
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
