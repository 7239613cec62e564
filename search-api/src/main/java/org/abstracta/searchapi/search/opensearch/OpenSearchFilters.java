package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.query.FilterSelection;
import org.abstracta.searchapi.search.query.StructuredQueries.YearRange;
import org.abstracta.searchapi.search.query.TextAnalysis;

/**
 * A request's facet filters ({@link FilterSelection}) in the DSL, laid out for counting each facet
 * without its own filter (drill sideways): every selection together is the search's {@code
 * post_filter} (hits and total), each facet is counted under all selections but its own, and the
 * filters that hold beside the selections join the query itself.
 */
final class OpenSearchFilters {
  private final FilterSelection selection;
  private final Map<String, ObjectNode> byDim = new LinkedHashMap<>();

  OpenSearchFilters(FilterSelection selection) {
    this.selection = selection;
    selection.values().forEach((dim, values) -> byDim.put(dim, anyOf(dim, values)));
    if (!selection.years().isEmpty()) {
      List<ObjectNode> ranges = new ArrayList<>();
      for (YearRange r : selection.years()) ranges.add(QueryMapper.years(r));
      Dsl.Bool any = new Dsl.Bool();
      any.should.addAll(ranges);
      byDim.put(Facets.YEAR, any.build());
    }
  }

  FilterSelection selection() {
    return selection;
  }

  /** A value of {@code type}, {@code source} or {@code hasCode} as indexed; null if none. */
  static String facetValue(String dim, String text) {
    return FilterSelection.normalize(dim, text);
  }

  /** {@code query} with the filters that are no facet's selection; the same when there are none. */
  ObjectNode restrict(ObjectNode query) {
    if (selection.required().isEmpty()) return query;
    Dsl.Bool b = new Dsl.Bool();
    b.must.add(query);
    for (FilterSelection.Required r : selection.required()) b.filter.add(required(r));
    return b.build();
  }

  /** Every selection (the hits' filter), or null when nothing is selected. */
  ObjectNode all() {
    return except(null);
  }

  /** Every selection but {@code dim}'s, or null when that leaves none. */
  ObjectNode except(String dim) {
    Dsl.Bool b = new Dsl.Bool();
    byDim.forEach(
        (d, f) -> {
          if (!d.equals(dim)) b.filter.add(f);
        });
    return b.filter.isEmpty() ? null : b.build();
  }

  /** Whether {@code dim} has a selection (so it is counted sideways). */
  boolean selects(String dim) {
    return byDim.containsKey(dim);
  }

  private static ObjectNode required(FilterSelection.Required r) {
    return switch (r) {
      case FilterSelection.Required.AnyOf a -> anyOf(a.dim(), a.values());
      case FilterSelection.Required.Years y -> QueryMapper.years(y.range());
      case FilterSelection.Required.AuthorWords w -> authorWords(w.name(), w.inOrder());
    };
  }

  private static ObjectNode anyOf(String dim, List<String> values) {
    List<String> indexed = new ArrayList<>();
    for (String v : values) {
      indexed.add(Facets.SUBJECT.equals(dim) ? OpenSearchSchema.subjectPath(v) : v);
    }
    return Dsl.terms(OpenSearchSchema.facetField(dim), indexed);
  }

  /** An author's name holding every word of {@code name} (side by side, in order, if asked). */
  private static ObjectNode authorWords(String name, boolean inOrder) {
    List<TextAnalysis.Tok> toks = TextAnalysis.tokens("authors", name);
    if (toks.isEmpty()) return Dsl.matchNone();
    if (inOrder && toks.size() > 1) {
      return Dsl.phrase(OpenSearchSchema.AUTHORS, name, OpenSearchSchema.NAMES, 0);
    }
    Dsl.Bool b = new Dsl.Bool();
    for (TextAnalysis.Tok t : toks) b.filter.add(Dsl.term(OpenSearchSchema.AUTHORS, t.term()));
    return b.build();
  }
}
