package org.abstracta.searchapi.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.export.ExportFormat;
import org.abstracta.searchapi.export.ExportFormats;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SortOrder;

/**
 * Turns query parameters ({@code GET /api/search}'s, or the CLI's options spelled the same way)
 * into a validated {@link SearchRequest}. Every rejection is an {@link InvalidRequestException}
 * naming the parameter and saying what it accepts. Nothing here knows about Lucene or about HTTP.
 */
public final class SearchParams {
  /** The facet filters, in the order the API documents them. */
  public static final List<String> FILTERS = Facets.ALL;

  public static final String INVALID = "invalid_parameter";

  // Four digits, as the search reads years (a year filter of "5" was passed on and refused there
  // with another code and message; found by HttpFuzzTest).
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})\\.\\.(\\d{4})");

  private SearchParams() {}

  /** Parses {@code /api/search} parameters; absent parameters take their defaults. */
  public static SearchRequest parse(Map<String, List<String>> params) {
    String query = first(params, "q");
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : FILTERS) {
      List<String> values = new ArrayList<>();
      for (String raw : params.getOrDefault(dim, List.of())) {
        if (raw == null || raw.isBlank()) continue; // an empty form field selects nothing
        values.add(filterValue(dim, raw.strip()));
      }
      Set<String> distinct = new LinkedHashSet<>(values);
      if (distinct.size() > SearchRequest.MAX_FILTER_VALUES) {
        throw new InvalidRequestException(
            dim, INVALID, dim + " takes at most " + SearchRequest.MAX_FILTER_VALUES + " values");
      }
      if (!distinct.isEmpty()) filters.put(dim, List.copyOf(distinct));
    }
    ExportFormat format = format(params);
    if (format != null && format.talksOnly() && !filters.containsKey(Facets.TYPE)) {
      filters.put(Facets.TYPE, List.of("talk")); // a calendar of a search is of its talks
    }
    SortOrder sort = sort(first(params, "sort"));
    if (format != null && format.newestFirst() && blank(first(params, "sort"))) {
      sort = SortOrder.NEWEST; // a feed lists what is new first
    }
    int page = wholeNumber(params, "page", 1, 1, SearchRequest.MAX_PAGE_DEPTH);
    int size = wholeNumber(params, "size", SearchRequest.DEFAULT_SIZE, 0, SearchRequest.MAX_SIZE);
    String cursor = first(params, "cursor");
    if (cursor != null && cursor.isBlank()) cursor = null;
    if (cursor == null && (long) page * size > SearchRequest.MAX_PAGE_DEPTH) {
      throw new InvalidRequestException(
          "page",
          INVALID,
          "page × size must be at most "
              + SearchRequest.MAX_PAGE_DEPTH
              + "; use cursor (from nextCursor) to go deeper");
    }
    Set<String> facets = facets(first(params, "facets"));
    boolean explain = bool(params, "explain", false);
    boolean autocorrect = bool(params, "autocorrect", true);
    SearchMode mode = mode(first(params, "mode"));
    return new SearchRequest(
        query, filters, sort, page, size, cursor, facets, explain, autocorrect, mode);
  }

  /** The mode named, or null (the default, chosen per query) when absent or blank. */
  static SearchMode mode(String raw) {
    if (blank(raw)) return null;
    SearchMode mode = SearchMode.parse(raw);
    if (mode == null) {
      throw new InvalidRequestException(
          "mode", INVALID, "mode must be one of keyword, semantic, hybrid");
    }
    return mode;
  }

  /**
   * The export format the {@code format} parameter names, or null for JSON (absent, blank or {@code
   * json}); any other value is an {@link InvalidRequestException} listing the formats.
   */
  public static ExportFormat format(Map<String, List<String>> params) {
    String raw = first(params, "format");
    if (blank(raw) || raw.strip().equalsIgnoreCase("json")) return null;
    return ExportFormats.named(raw)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "format",
                    INVALID,
                    "format must be one of json, "
                        + String.join(", ", ExportFormats.names())
                        + "; '"
                        + raw.strip()
                        + "' is not a format"));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The first value of a parameter, or null when absent. Repeating a single-valued parameter keeps
   * the first, as most servers do.
   */
  public static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent or blank. */
  public static int wholeNumber(
      Map<String, List<String>> params, String name, int fallback, int min, int max) {
    String raw = first(params, name);
    if (raw == null || raw.isBlank()) return fallback;
    String message =
        max == Integer.MAX_VALUE
            ? name + " must be a whole number of at least " + min
            : name + " must be a whole number from " + min + " to " + max;
    long value;
    try {
      value = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, INVALID, message);
    }
    if (value < min || value > max) throw new InvalidRequestException(name, INVALID, message);
    return (int) value;
  }

  /** {@code true} or {@code false} (any case), or {@code fallback} when absent or blank. */
  public static boolean bool(Map<String, List<String>> params, String name, boolean fallback) {
    String raw = first(params, name);
    if (raw == null || raw.isBlank()) return fallback;
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidRequestException(name, INVALID, name + " must be true or false");
    };
  }

  static SortOrder sort(String raw) {
    if (raw == null || raw.isBlank()) return SortOrder.RELEVANCE;
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "relevance" -> SortOrder.RELEVANCE;
      case "newest" -> SortOrder.NEWEST;
      case "oldest" -> SortOrder.OLDEST;
      default ->
          throw new InvalidRequestException(
              "sort", INVALID, "sort must be one of relevance, newest, oldest");
    };
  }

  /** Null (count all) when absent, empty for {@code none}, else the named dimensions. */
  static Set<String> facets(String raw) {
    if (raw == null || raw.isBlank()) return null;
    if (raw.strip().equalsIgnoreCase("none")) return Set.of();
    Set<String> dims = new LinkedHashSet<>();
    for (String part : raw.split(",")) {
      String name = part.strip();
      if (name.isEmpty()) continue;
      String dim = dimension(name);
      if (dim == null) {
        throw new InvalidRequestException(
            "facets",
            INVALID,
            "facets must be a comma-separated list of "
                + String.join(", ", FILTERS)
                + ", or none; '"
                + name
                + "' is not a facet");
      }
      dims.add(dim);
    }
    return dims;
  }

  /** The canonical spelling of a facet dimension (case-insensitive), or null when unknown. */
  public static String dimension(String name) {
    for (String dim : FILTERS) if (dim.equalsIgnoreCase(name)) return dim;
    return null;
  }

  private static String filterValue(String dim, String value) {
    return switch (dim) {
      case Facets.YEAR -> year(value);
      case Facets.TYPE -> {
        String type = value.toLowerCase(Locale.ROOT);
        if (!type.equals("paper") && !type.equals("talk")) {
          throw new InvalidRequestException("type", INVALID, "type must be paper or talk");
        }
        yield type;
      }
      case Facets.HAS_CODE -> {
        String b = value.toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
          throw new InvalidRequestException("hasCode", INVALID, "hasCode must be true or false");
        }
        yield b;
      }
      default -> value;
    };
  }

  private static String year(String value) {
    if (YEAR.matcher(value).matches()) return value;
    Matcher range = YEAR_RANGE.matcher(value);
    if (range.matches() && Integer.parseInt(range.group(1)) <= Integer.parseInt(range.group(2))) {
      return value;
    }
    throw new InvalidRequestException(
        "year", INVALID, "year must be a year (2023) or a range of years (2019..2023)");
  }
}
