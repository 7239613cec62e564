package org.abstracta.searchapi.search.facet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.query.FilterSelection;
import org.abstracta.searchapi.search.query.StructuredQueries;
import org.abstracta.searchapi.search.query.StructuredQueries.YearRange;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A request's facet filters ({@link FilterSelection}: validated, normalized, with the filters typed
 * in the query) as drill-downs on a {@link DrillDownQuery} — so {@code DrillSideways} can count
 * each dimension without its own filter — and the filters that hold beside them as plain clauses.
 */
public final class FacetFilters {
  /**
   * A subject filter matches a subject an input gave and one inferred for a paper given none (the
   * subject facet counts both, the inferred apart).
   */
  private static final List<String> SUBJECT_DIMS = List.of(Facets.SUBJECT, Facets.INFERRED_SUBJECT);

  private final FilterSelection selection;

  /** The drill-down dimension left out ({@link #without}), or null. */
  private final String omitted;

  private FacetFilters(FilterSelection selection, String omitted) {
    this.selection = selection;
    this.omitted = omitted;
  }

  /** The URL's {@code filters} and the query's {@code typed} filters, together. */
  public static FacetFilters of(
      Map<String, List<String>> filters, List<QueryFilter> typed, PaperSearcher searcher) {
    return new FacetFilters(
        FilterSelection.of(filters, typed, v -> searcher.authorNames().spellings(v)), null);
  }

  /** Validates and normalizes {@code filters}; unknown dimensions and bad values are rejected. */
  public static FacetFilters of(Map<String, List<String>> filters, PaperSearcher searcher) {
    return new FacetFilters(
        FilterSelection.of(filters, v -> searcher.authorNames().spellings(v)), null);
  }

  boolean isEmpty() {
    return drillDownDims().isEmpty() && selection.required().isEmpty();
  }

  /**
   * The dimensions filtered as drill-downs: those whose counts ignore their own filter (counted
   * over the hits of {@link #without} that dimension).
   */
  public List<String> drillDownDims() {
    List<String> dims = new ArrayList<>(selection.values().keySet());
    if (!selection.years().isEmpty()) dims.add(Facets.YEAR);
    dims.remove(omitted);
    return dims;
  }

  /** These filters but {@code dim}'s drill-down (its plain filters stay). */
  public FacetFilters without(String dim) {
    if (omitted != null && !omitted.equals(dim)) {
      throw new IllegalStateException("one drill-down dimension is left out at a time");
    }
    return new FacetFilters(selection, dim);
  }

  /** Only the filters, as one query (null when there are none): what a vector search must pass. */
  public Query asFilter() {
    return isEmpty() ? null : apply(MatchAllDocsQuery.INSTANCE);
  }

  /** {@code base} restricted to the filters, one drill-down dimension per filtered facet. */
  public DrillDownQuery apply(Query base) {
    Query restricted = base;
    if (!selection.required().isEmpty()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, Occur.MUST);
      for (FilterSelection.Required r : selection.required()) b.add(query(r), Occur.FILTER);
      restricted = b.build();
    }
    DrillDownQuery q = new DrillDownQuery(Facets.config(), restricted);
    for (Map.Entry<String, List<String>> e : selection.values().entrySet()) {
      if (e.getKey().equals(omitted)) continue;
      for (String v : e.getValue()) {
        if (e.getKey().equals(Facets.SUBJECT)) {
          // A subject a paper was given, or one inferred for a paper given none.
          for (String dim : SUBJECT_DIMS) q.add(Facets.SUBJECT, subjectTerm(dim, v));
        } else {
          q.add(e.getKey(), v);
        }
      }
    }
    if (!selection.years().isEmpty() && !Facets.YEAR.equals(omitted)) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (YearRange r : selection.years()) any.add(r.query(), Occur.SHOULD);
      q.add(Facets.YEAR, any.build());
    }
    return q;
  }

  /** Whether {@code value} of {@code dim} is selected by the filters. */
  boolean selected(String dim, String value) {
    return selection.selected(dim, value);
  }

  /** The selected values of a flat dimension, as normalized. */
  List<String> selectedValues(String dim) {
    return selection.selectedValues(dim);
  }

  private static Query query(FilterSelection.Required r) {
    return switch (r) {
      case FilterSelection.Required.AnyOf a -> anyOf(a.dim(), a.values());
      case FilterSelection.Required.Years y -> y.range().query();
      case FilterSelection.Required.AuthorWords w ->
          StructuredQueries.authorWords(w.name(), w.inOrder());
    };
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
}
