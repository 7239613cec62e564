package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.text.Fold;
import org.abstracta.indexer.text.SubjectCatalog;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.FacetResult.FacetValue;
import org.abstracta.searchapi.search.facet.FacetCounter;
import org.abstracta.searchapi.search.query.FilterSelection;
import org.apache.lucene.util.BytesRef;

/**
 * Facet counts as aggregations, as the embedded engine counts them: each dimension over the hits of
 * the query with every filter but its own ({@code filter} aggregations around {@code terms}), the
 * subject hierarchy from its paths ({@code cs}, {@code cs/cs.LG}), the top 20 values of a dimension
 * (most papers first, then by value), years newest first, the top 10 authors, and a selected value
 * always listed. Small dimensions are counted in full (every value: exact); the author list asks
 * each shard for its top {@link #AUTHOR_SHARD_SIZE}.
 */
final class OpenSearchFacets {
  static final int TOP_VALUES = 20;
  static final int TOP_AUTHORS = 10;

  /** Values of a small dimension counted at once: more than arXiv has subjects. */
  static final int ALL_VALUES = 2_000;

  /**
   * Authors each shard counts toward the top ten: the list is exact unless they are spread thin.
   */
  static final int AUTHOR_SHARD_SIZE = 1_000;

  private static final Comparator<Map.Entry<String, Long>> BY_COUNT =
      Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
          .thenComparing(e -> new BytesRef(e.getKey()));

  private final OpenSearchFilters filters;
  private final List<String> dims;
  private final SourceLabels sourceLabels;

  OpenSearchFacets(OpenSearchFilters filters, List<String> dims, SourceLabels sourceLabels) {
    this.filters = filters;
    this.dims = dims;
    this.sourceLabels = sourceLabels;
  }

  /** One {@code filter} aggregation per dimension, its filter all selections but its own. */
  ObjectNode aggregations() {
    ObjectNode aggs = Dsl.JSON.objectNode();
    for (String dim : dims) {
      ObjectNode filter = filters.selects(dim) ? filters.except(dim) : filters.all();
      ObjectNode agg = aggs.putObject(dim);
      agg.set("filter", filter == null ? Dsl.matchAll() : filter);
      ObjectNode inner = agg.putObject("aggs");
      ObjectNode terms = inner.putObject("values").putObject("terms");
      terms.put("field", OpenSearchSchema.facetField(dim));
      if (Facets.AUTHOR.equals(dim)) {
        terms.put("size", TOP_AUTHORS).put("shard_size", AUTHOR_SHARD_SIZE);
        ArrayNode order = terms.putArray("order");
        order.addObject().put("_count", "desc");
        order.addObject().put("_key", "asc");
        List<String> selected = filters.selection().selectedValues(dim);
        if (!selected.isEmpty()) {
          ObjectNode chosen = inner.putObject("selected").putObject("terms");
          chosen.put("field", OpenSearchSchema.facetField(dim)).put("size", selected.size());
          ArrayNode include = chosen.putArray("include");
          selected.forEach(include::add);
        }
      } else {
        terms.put("size", ALL_VALUES);
      }
    }
    return aggs;
  }

  /** The API's facets from the aggregations of a response. */
  List<FacetResult> results(JsonNode aggregations) throws IOException {
    List<FacetResult> out = new ArrayList<>();
    FilterSelection selection = filters.selection();
    for (String dim : dims) {
      JsonNode agg = aggregations.path(dim);
      Map<String, Long> counts = buckets(agg.path("values"));
      List<FacetValue> values =
          switch (dim) {
            case Facets.SUBJECT -> subjects(counts, selection, TOP_VALUES);
            case Facets.YEAR -> years(counts, selection);
            case Facets.AUTHOR -> authors(counts, buckets(agg.path("selected")), selection);
            default -> flat(dim, counts, selection, TOP_VALUES, sourceLabels);
          };
      out.add(new FacetResult(dim, values));
    }
    return out;
  }

  private static Map<String, Long> buckets(JsonNode terms) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode b : terms.path("buckets")) {
      counts.put(b.path("key").asText(), b.path("doc_count").asLong());
    }
    return counts;
  }

  private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(BY_COUNT)
        .limit(n)
        .toList();
  }

  /**
   * The top {@code n} values of a flat dimension and the selected ones, labelled as the embedded
   * engine labels them (sources by their names, looked up in {@code sourceLabels}).
   */
  private static List<FacetValue> flat(
      String dim,
      Map<String, Long> counts,
      FilterSelection selection,
      int n,
      SourceLabels sourceLabels)
      throws IOException {
    Map<String, Long> shown = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : top(counts, n)) shown.put(e.getKey(), e.getValue());
    for (String v : selection.selectedValues(dim)) {
      shown.putIfAbsent(v, counts.getOrDefault(v, 0L));
    }
    Map<String, String> labels =
        Facets.SOURCE.equals(dim) ? sourceLabels.of(shown.keySet()) : Map.of();
    List<FacetValue> out = new ArrayList<>();
    shown.forEach(
        (v, count) ->
            out.add(
                new FacetValue(
                    v,
                    labels.getOrDefault(v, FacetCounter.label(dim, v)),
                    count,
                    selection.selected(dim, v),
                    List.of())));
    return out;
  }

  private static FacetValue flat(String dim, String value, long count, FilterSelection selection) {
    return new FacetValue(
        value, FacetCounter.label(dim, value), count, selection.selected(dim, value), List.of());
  }

  private static List<FacetValue> years(Map<String, Long> counts, FilterSelection selection) {
    List<String> sorted = new ArrayList<>(counts.keySet());
    sorted.removeIf(y -> counts.get(y) == 0);
    sorted.sort(Comparator.reverseOrder());
    List<FacetValue> out = new ArrayList<>();
    for (String y : sorted) out.add(flat(Facets.YEAR, y, counts.get(y), selection));
    return out;
  }

  private static List<FacetValue> authors(
      Map<String, Long> top, Map<String, Long> selected, FilterSelection selection) {
    Map<String, FacetValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : top(top, TOP_AUTHORS)) {
      out.put(e.getKey(), flat(Facets.AUTHOR, e.getKey(), e.getValue(), selection));
    }
    for (String name : selection.selectedValues(Facets.AUTHOR)) {
      out.putIfAbsent(name, flat(Facets.AUTHOR, name, selected.getOrDefault(name, 0L), selection));
    }
    return new ArrayList<>(out.values());
  }

  /** Archives, each with its categories, from the subject paths' counts. */
  private static List<FacetValue> subjects(
      Map<String, Long> counts, FilterSelection selection, int n) {
    Map<String, Long> archives = new LinkedHashMap<>();
    Map<String, Map<String, Long>> categories = new LinkedHashMap<>();
    counts.forEach(
        (path, count) -> {
          int slash = path.indexOf('/');
          if (slash < 0) archives.put(path, count);
          else
            categories
                .computeIfAbsent(path.substring(0, slash), a -> new LinkedHashMap<>())
                .put(path.substring(slash + 1), count);
        });
    List<FacetValue> out = new ArrayList<>();
    for (Map.Entry<String, Long> a : top(archives, n)) {
      List<FacetValue> children = new ArrayList<>();
      for (Map.Entry<String, Long> c : top(categories.getOrDefault(a.getKey(), Map.of()), n)) {
        children.add(
            new FacetValue(
                c.getKey(),
                SubjectCatalog.subject(c.getKey()).label(),
                c.getValue(),
                selection.selected(Facets.SUBJECT, c.getKey()),
                List.of()));
      }
      out.add(
          new FacetValue(
              a.getKey(),
              SubjectCatalog.archiveLabel(a.getKey()),
              a.getValue(),
              selection.selected(Facets.SUBJECT, a.getKey()),
              List.copyOf(children)));
    }
    return out;
  }

  /** Every value of {@code dim} whose value or label has a word starting with {@code prefix}. */
  static FacetResult allValues(
      OpenSearchClient client,
      String index,
      SourceLabels sourceLabels,
      String dim,
      String prefix,
      int size)
      throws IOException {
    FilterSelection none = FilterSelection.of(Map.of(), name -> List.of());
    ObjectNode body = client.object();
    body.put("size", 0);
    ObjectNode terms = body.putObject("aggs").putObject("values").putObject("terms");
    terms.put("field", OpenSearchSchema.facetField(dim)).put("size", ALL_VALUES);
    String p = Fold.of(prefix.strip());
    if (Facets.AUTHOR.equals(dim) && !p.isEmpty()) {
      body.set("query", authorsWithWordStarting(p));
      terms.put("size", Math.max(ALL_VALUES, size * 20));
    }
    JsonNode response = client.send("POST", "/" + index + "/_search", Map.of(), body);
    Map<String, Long> counts = buckets(response.path("aggregations").path("values"));
    List<FacetValue> all =
        switch (dim) {
          case Facets.SUBJECT -> subjects(counts, none, Integer.MAX_VALUE);
          case Facets.YEAR -> years(counts, none);
          default -> flat(dim, counts, none, Integer.MAX_VALUE, sourceLabels);
        };
    return new FacetResult(dim, FacetCounter.withPrefix(all, prefix, size));
  }

  /** Papers with an author name that has a word starting with {@code folded}. */
  private static ObjectNode authorsWithWordStarting(String folded) {
    String escaped = folded.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    Dsl.Bool b = new Dsl.Bool();
    b.should.add(Dsl.prefix(OpenSearchSchema.AUTHOR_FOLDED, folded, 0));
    for (String before : List.of(" ", "-", ".", "(")) {
      ObjectNode w = Dsl.JSON.objectNode();
      w.putObject("wildcard")
          .putObject(OpenSearchSchema.AUTHOR_FOLDED)
          .put("value", "*" + before + escaped + "*");
      b.should.add(w);
    }
    return b.build();
  }
}
