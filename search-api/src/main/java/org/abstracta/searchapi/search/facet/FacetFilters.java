package org.abstracta.searchapi.search.facet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.StructuredQueries;
import org.abstracta.searchapi.search.query.StructuredQueries.YearRange;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A request's facet filters (OR within a dimension, AND across), normalized to the values the index
 * holds, as drill-downs on a {@link DrillDownQuery} — so {@code DrillSideways} can count each
 * dimension without its own filter.
 *
 * <p>Filters typed in the query ({@link QueryFilter}) join them: the first of a dimension the URL
 * does not filter is that dimension's drill-down, as if it came in the URL; another of the same
 * dimension must hold too (a plain filter: {@code subject:cs.LG subject:cs.CV} is papers in both).
 * An {@code author:} that is no author's whole name ({@code author:Hinton}) requires its words in
 * an author's name, in that order when quoted.
 *
 * <p>Normalization: subject codes in any case ({@code cs.lg} → {@code cs.LG}) at either level;
 * years and ranges ({@code 2019..2023}); authors as indexed or in another case/accents; {@code
 * type} and {@code hasCode} in any case ({@code hasCode} also yes/no/1/0).
 */
public final class FacetFilters {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Map<String, List<YearRange>> years = new LinkedHashMap<>();
  private final List<Query> required = new ArrayList<>();

  /**
   * A subject filter matches a subject an input gave and one inferred for a paper given none (the
   * subject facet counts both, the inferred apart).
   */
  private static final List<String> SUBJECT_DIMS = List.of(Facets.SUBJECT, Facets.INFERRED_SUBJECT);

  private FacetFilters() {}

  /** The URL's {@code filters} and the query's {@code typed} filters, together. */
  public static FacetFilters of(
      Map<String, List<String>> filters, List<QueryFilter> typed, PaperSearcher searcher) {
    FacetFilters f = of(filters, searcher);
    for (QueryFilter t : typed) {
      String dim = t.dim();
      boolean taken = f.values.containsKey(dim) || f.years.containsKey(dim);
      if (Facets.AUTHOR.equals(dim)) {
        List<String> names = searcher.authorNames().spellings(t.value());
        if (names.isEmpty()) {
          f.required.add(StructuredQueries.authorWords(t.value(), t.quoted()));
        } else if (taken) {
          f.required.add(anyOf(dim, names));
        } else {
          int n = Math.min(names.size(), QueryLimits.MAX_FILTER_VALUES);
          f.values.put(dim, List.copyOf(names.subList(0, n)));
        }
      } else if (Facets.YEAR.equals(dim)) {
        YearRange r = StructuredQueries.parseYears(t.value());
        if (r == null) continue; // the parser takes only years; kept safe
        if (taken) f.required.add(r.query());
        else f.years.computeIfAbsent(dim, d -> new ArrayList<>()).add(r);
      } else {
        String v = normalize(dim, t.value());
        if (v == null) continue;
        if (taken) f.required.add(anyOf(dim, List.of(v)));
        else f.values.put(dim, List.of(v));
      }
    }
    return f;
  }

  /** Validates and normalizes {@code filters}; unknown dimensions and bad values are rejected. */
  public static FacetFilters of(Map<String, List<String>> filters, PaperSearcher searcher) {
    FacetFilters f = new FacetFilters();
    for (Map.Entry<String, List<String>> e : filters.entrySet()) {
      String dim = e.getKey();
      if (!Facets.ALL.contains(dim)) {
        throw new InvalidRequestException(
            dim, "unknown_filter", "unknown filter '" + dim + "'; filters are " + Facets.ALL);
      }
      List<String> given = e.getValue() == null ? List.of() : e.getValue();
      if (given.size() > QueryLimits.MAX_FILTER_VALUES) {
        throw new InvalidRequestException(
            dim,
            "invalid_parameter",
            dim + " takes at most " + QueryLimits.MAX_FILTER_VALUES + " values");
      }
      Set<String> normalized = new LinkedHashSet<>();
      List<String> otherSpellings = new ArrayList<>();
      for (String v : given) {
        if (v == null || v.isBlank()) continue;
        switch (dim) {
          case Facets.YEAR -> f.years.computeIfAbsent(dim, d -> new ArrayList<>()).add(year(v));
          case Facets.HAS_CODE -> normalized.add(hasCode(v));
          case Facets.AUTHOR -> {
            List<String> spellings = authorSpellings(v, searcher);
            normalized.add(spellings.getFirst());
            otherSpellings.addAll(spellings.subList(1, spellings.size()));
          }
          default -> normalized.add(normalize(dim, v));
        }
      }
      // Other case or accent spellings of the names, while they keep the filter within its limit.
      for (String other : otherSpellings) {
        if (normalized.size() >= QueryLimits.MAX_FILTER_VALUES) break;
        normalized.add(other);
      }
      if (!normalized.isEmpty()) f.values.put(dim, List.copyOf(normalized));
    }
    return f;
  }

  boolean isEmpty() {
    return values.isEmpty() && years.isEmpty() && required.isEmpty();
  }

  /**
   * The dimensions filtered as drill-downs: those whose counts ignore their own filter (counted
   * over the hits of {@link #without} that dimension).
   */
  public List<String> drillDownDims() {
    List<String> dims = new ArrayList<>(values.keySet());
    for (String d : years.keySet()) if (!dims.contains(d)) dims.add(d);
    return dims;
  }

  /** These filters but {@code dim}'s drill-down (its plain filters stay). */
  public FacetFilters without(String dim) {
    FacetFilters f = new FacetFilters();
    values.forEach(
        (d, v) -> {
          if (!d.equals(dim)) f.values.put(d, v);
        });
    years.forEach(
        (d, v) -> {
          if (!d.equals(dim)) f.years.put(d, v);
        });
    f.required.addAll(required);
    return f;
  }

  /** Only the filters, as one query (null when there are none): what a vector search must pass. */
  public Query asFilter() {
    return isEmpty() ? null : apply(MatchAllDocsQuery.INSTANCE);
  }

  /** {@code base} restricted to the filters, one drill-down dimension per filtered facet. */
  public DrillDownQuery apply(Query base) {
    Query restricted = base;
    if (!required.isEmpty()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, Occur.MUST);
      for (Query r : required) b.add(r, Occur.FILTER);
      restricted = b.build();
    }
    DrillDownQuery q = new DrillDownQuery(Facets.config(), restricted);
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      for (String v : e.getValue()) {
        if (e.getKey().equals(Facets.SUBJECT)) {
          // A subject a paper was given, or one inferred for a paper given none.
          for (String dim : SUBJECT_DIMS) q.add(Facets.SUBJECT, subjectTerm(dim, v));
        } else {
          q.add(e.getKey(), v);
        }
      }
    }
    List<YearRange> ranges = years.get(Facets.YEAR);
    if (ranges != null) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (YearRange r : ranges) any.add(r.query(), Occur.SHOULD);
      q.add(Facets.YEAR, any.build());
    }
    return q;
  }

  /** Whether {@code value} of {@code dim} is selected by the filters. */
  boolean selected(String dim, String value) {
    if (Facets.YEAR.equals(dim)) {
      List<YearRange> ranges = years.get(dim);
      if (ranges == null) return false;
      try {
        int y = Integer.parseInt(value);
        return ranges.stream().anyMatch(r -> r.contains(y));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    List<String> v = values.get(dim);
    return v != null && v.contains(value);
  }

  /** The selected values of a flat dimension, as normalized. */
  List<String> selectedValues(String dim) {
    return values.getOrDefault(dim, List.of());
  }

  /** Any of {@code dimValues} of a dimension, as a plain filter (no drill-down). */
  private static Query anyOf(String dim, List<String> dimValues) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String v : dimValues) {
      if (Facets.SUBJECT.equals(dim)) {
        for (String d : SUBJECT_DIMS) b.add(subjectTerm(d, v), Occur.SHOULD);
      } else {
        b.add(new TermQuery(DrillDownQuery.term(Facets.indexField(dim), dim, v)), Occur.SHOULD);
      }
    }
    return b.build();
  }

  /** The facet term of subject {@code code} (archive or category) in dimension {@code dim}. */
  private static TermQuery subjectTerm(String dim, String code) {
    String[] path =
        code.indexOf('.') > 0
            ? new String[] {code.substring(0, code.indexOf('.')), code}
            : new String[] {code};
    return new TermQuery(DrillDownQuery.term(Facets.indexField(dim), dim, path));
  }

  /** A value of a flat dimension as the index holds it; null for a hasCode that is not yes/no. */
  private static String normalize(String dim, String v) {
    return switch (dim) {
      case Facets.SUBJECT -> StructuredQueries.subjectCode(v);
      case Facets.TYPE -> v.strip().toLowerCase(Locale.ROOT);
      case Facets.HAS_CODE -> StructuredQueries.hasCode(v);
      default -> v.strip();
    };
  }

  private static YearRange year(String v) {
    YearRange r = StructuredQueries.parseYears(v);
    if (r == null) {
      throw new InvalidRequestException(
          Facets.YEAR,
          "invalid_year",
          "year must be a year or a range like 2019..2023, not '" + v + "'");
    }
    return r;
  }

  private static String hasCode(String v) {
    String value = StructuredQueries.hasCode(v);
    if (value == null) {
      throw new InvalidRequestException(
          Facets.HAS_CODE, "invalid_parameter", "hasCode must be true or false, not '" + v + "'");
    }
    return value;
  }

  private static List<String> authorSpellings(String v, PaperSearcher searcher) {
    List<String> spellings = searcher.authorNames().spellings(v);
    return spellings.isEmpty() ? List.of(v.strip()) : spellings;
  }
}
