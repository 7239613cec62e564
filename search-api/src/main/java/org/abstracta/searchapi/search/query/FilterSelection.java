package org.abstracta.searchapi.search.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.query.StructuredQueries.YearRange;

/**
 * What a request's facet filters select — OR within a dimension, AND across — validated and
 * normalized to the values the index holds, before any engine turns them into a query (the embedded
 * engine's drill-downs, {@code facet.FacetFilters}; the OpenSearch backend's filters).
 *
 * <p>Filters typed in the query ({@link QueryFilter}) join them: the first of a dimension the URL
 * does not filter is that dimension's selection, as if it came in the URL; another of the same
 * dimension must hold too ({@link #required()}: {@code subject:cs.LG subject:cs.CV} is papers in
 * both). An {@code author:} that is no author's whole name ({@code author:Hinton}) requires its
 * words in an author's name, in that order when quoted.
 *
 * <p>Normalization: subject codes in any case ({@code cs.lg} → {@code cs.LG}) at either level;
 * years and ranges ({@code 2019..2023}); authors as indexed or in another case/accents; {@code
 * type} and {@code hasCode} in any case ({@code hasCode} also yes/no/1/0).
 */
public final class FilterSelection {
  /** A filter that must hold beside the selections: not a facet's selection. */
  public sealed interface Required {
    /** Any of these values of a dimension. */
    record AnyOf(String dim, List<String> values) implements Required {}

    /** Papers of these years. */
    record Years(YearRange range) implements Required {}

    /** An author name holding every word of {@code name}, in order when {@code inOrder}. */
    record AuthorWords(String name, boolean inOrder) implements Required {}
  }

  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<YearRange> years = new ArrayList<>();
  private final List<Required> required = new ArrayList<>();

  private FilterSelection() {}

  /**
   * The URL's {@code filters} and the query's {@code typed} filters, together.
   *
   * @param spellings an author name's indexed spellings (case and accents aside), or none
   */
  public static FilterSelection of(
      Map<String, List<String>> filters,
      List<QueryFilter> typed,
      Function<String, List<String>> spellings) {
    FilterSelection f = of(filters, spellings);
    for (QueryFilter t : typed) {
      String dim = t.dim();
      boolean taken = f.values.containsKey(dim) || (dim.equals(Facets.YEAR) && !f.years.isEmpty());
      if (Facets.AUTHOR.equals(dim)) {
        List<String> names = spellings.apply(t.value());
        if (names.isEmpty()) {
          f.required.add(new Required.AuthorWords(t.value(), t.quoted()));
        } else if (taken) {
          f.required.add(new Required.AnyOf(dim, List.copyOf(names)));
        } else {
          int n = Math.min(names.size(), QueryLimits.MAX_FILTER_VALUES);
          f.values.put(dim, List.copyOf(names.subList(0, n)));
        }
      } else if (Facets.YEAR.equals(dim)) {
        YearRange r = StructuredQueries.parseYears(t.value());
        if (r == null) continue; // the parser takes only years; kept safe
        if (taken) f.required.add(new Required.Years(r));
        else f.years.add(r);
      } else {
        String v = normalize(dim, t.value());
        if (v == null) continue;
        if (taken) f.required.add(new Required.AnyOf(dim, List.of(v)));
        else f.values.put(dim, List.of(v));
      }
    }
    return f;
  }

  /** Validates and normalizes {@code filters}; unknown dimensions and bad values are rejected. */
  public static FilterSelection of(
      Map<String, List<String>> filters, Function<String, List<String>> spellings) {
    FilterSelection f = new FilterSelection();
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
          case Facets.YEAR -> f.years.add(year(v));
          case Facets.HAS_CODE -> normalized.add(hasCode(v));
          case Facets.AUTHOR -> {
            List<String> names = spellings.apply(v);
            if (names.isEmpty()) names = List.of(v.strip());
            normalized.add(names.getFirst());
            otherSpellings.addAll(names.subList(1, names.size()));
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

  /** The selected values of each filtered flat dimension (subject codes at either level). */
  public Map<String, List<String>> values() {
    return values;
  }

  /** The selected year ranges (any of them), empty when years are not filtered. */
  public List<YearRange> years() {
    return years;
  }

  /** Filters that hold beside the selections. */
  public List<Required> required() {
    return required;
  }

  public boolean isEmpty() {
    return values.isEmpty() && years.isEmpty() && required.isEmpty();
  }

  /** Whether {@code value} of {@code dim} is selected by the filters. */
  public boolean selected(String dim, String value) {
    if (Facets.YEAR.equals(dim)) {
      if (years.isEmpty()) return false;
      try {
        int y = Integer.parseInt(value);
        return years.stream().anyMatch(r -> r.contains(y));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    List<String> v = values.get(dim);
    return v != null && v.contains(value);
  }

  /** The selected values of a flat dimension, as normalized. */
  public List<String> selectedValues(String dim) {
    return values.getOrDefault(dim, List.of());
  }

  /** A value of a flat dimension as the index holds it; null for a hasCode that is not yes/no. */
  public static String normalize(String dim, String v) {
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
}
