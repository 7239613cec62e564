package org.abstracta.searchapi.search.facet;

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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A request's facet filters ({@link FilterSelection}: validated, normalized, with the filters typed
 * in the query) as drill-downs on a {@link DrillDownQuery} — so {@code DrillSideways} can count
 * each dimension without its own filter — and the filters that hold beside them as plain clauses.
 */
public final class FacetFilters {
  private final FilterSelection selection;

  private FacetFilters(FilterSelection selection) {
    this.selection = selection;
  }

  /** The URL's {@code filters} and the query's {@code typed} filters, together. */
  public static FacetFilters of(
      Map<String, List<String>> filters, List<QueryFilter> typed, PaperSearcher searcher) {
    return new FacetFilters(
        FilterSelection.of(filters, typed, v -> searcher.authorNames().spellings(v)));
  }

  /** Validates and normalizes {@code filters}; unknown dimensions and bad values are rejected. */
  public static FacetFilters of(Map<String, List<String>> filters, PaperSearcher searcher) {
    return new FacetFilters(FilterSelection.of(filters, v -> searcher.authorNames().spellings(v)));
  }

  boolean isEmpty() {
    return selection.isEmpty();
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
      for (String v : e.getValue()) {
        if (e.getKey().equals(Facets.SUBJECT) && v.indexOf('.') > 0) {
          q.add(Facets.SUBJECT, v.substring(0, v.indexOf('.')), v);
        } else {
          q.add(e.getKey(), v);
        }
      }
    }
    if (!selection.years().isEmpty()) {
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
      String[] path =
          Facets.SUBJECT.equals(dim) && v.indexOf('.') > 0
              ? new String[] {v.substring(0, v.indexOf('.')), v}
              : new String[] {v};
      b.add(new TermQuery(DrillDownQuery.term(Facets.indexField(dim), dim, path)), Occur.SHOULD);
    }
    return b.build();
  }
}
