package org.abstracta.searchapi.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.export.ExportFormat;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.Suggestion;

/** {@code /api/search}, {@code /api/suggest} and {@code /api/facets/{facet}}. */
final class SearchController {
  static final int SUGGEST_DEFAULT = 8;
  static final int SUGGEST_MAX = 50;
  static final int FACET_VALUES_DEFAULT = 100;
  static final int FACET_VALUES_MAX = 1000;

  /** Longest completion prefix: suggestions are for what someone is typing. */
  static final int SUGGEST_MAX_CHARS = 200;

  static final String OPENSEARCH_SUGGESTIONS = "application/x-suggestions+json; charset=utf-8";

  private final SearchService service;
  private final Downloads downloads;

  SearchController(SearchService service) {
    this.service = service;
    this.downloads = new Downloads(service);
  }

  void search(Context ctx) {
    Map<String, List<String>> params = ctx.queryParamMap();
    ExportFormat format = SearchParams.format(params);
    SearchRequest request = SearchParams.parse(params);
    SearchResult result = service.search(request);
    if (format == null) ctx.json(ApiJson.Search.of(result));
    else downloads.search(ctx, format, request, result);
  }

  void suggest(Context ctx) {
    Map<String, List<String>> params = ctx.queryParamMap();
    String q = SearchParams.first(params, "q");
    int size = SearchParams.wholeNumber(params, "size", SUGGEST_DEFAULT, 1, SUGGEST_MAX);
    boolean openSearch = openSearchFormat(SearchParams.first(params, "format"));
    if (q == null) q = "";
    if (q.length() > SUGGEST_MAX_CHARS) {
      throw new InvalidRequestException(
          "q", SearchParams.INVALID, "q must be at most " + SUGGEST_MAX_CHARS + " characters");
    }
    List<Suggestion> suggestions = q.isBlank() ? List.of() : service.suggest(q, size);
    if (openSearch) {
      // OpenSearch suggestions: ["query", ["completion", ...]], what a browser's search bar reads.
      ctx.contentType(OPENSEARCH_SUGGESTIONS)
          .result(
              ctx.jsonMapper()
                  .toJsonString(
                      List.of(q, suggestions.stream().map(Suggestion::text).toList()), List.class));
    } else {
      ctx.json(ApiJson.Suggestions.of(q, suggestions));
    }
  }

  private static boolean openSearchFormat(String format) {
    if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) return false;
    if (format.equalsIgnoreCase("opensearch")) return true;
    throw new InvalidRequestException(
        "format", SearchParams.INVALID, "format must be json or opensearch");
  }

  void facetValues(Context ctx) {
    String name = ctx.pathParam("facet");
    String dim = SearchParams.dimension(name);
    if (dim == null) {
      throw new InvalidRequestException(
          "facet",
          SearchParams.INVALID,
          "facet must be one of "
              + String.join(", ", SearchParams.FILTERS)
              + "; '"
              + name
              + "' is not a facet");
    }
    Map<String, List<String>> params = ctx.queryParamMap();
    String prefix = SearchParams.first(params, "prefix");
    int size = SearchParams.wholeNumber(params, "size", FACET_VALUES_DEFAULT, 1, FACET_VALUES_MAX);
    FacetResult result =
        service.facetValues(dim, prefix == null || prefix.isBlank() ? null : prefix, size);
    ctx.json(ApiJson.FacetValues.of(result));
  }
}
