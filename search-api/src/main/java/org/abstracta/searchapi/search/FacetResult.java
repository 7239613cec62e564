package org.abstracta.searchapi.search;

import java.util.List;

/**
 * Counts for one facet dimension.
 *
 * @param dim the dimension
 * @param values top values, highest count first (years: newest first); children for the subject
 *     hierarchy (archive → category)
 */
public record FacetResult(String dim, List<FacetValue> values) {

  /**
   * @param value the filter value ({@code cs}, {@code cs.LG}, {@code 2023}, an author's name)
   * @param label its display label ("Machine Learning")
   * @param count matching documents, ignoring this dimension's own filter
   * @param selected whether it is in the request's filters
   * @param inferred of {@code count}, the papers that have the value only as an inferred subject
   *     (voted by their nearest labelled papers; subject facet only)
   */
  public record FacetValue(
      String value,
      String label,
      long count,
      boolean selected,
      List<FacetValue> children,
      long inferred) {

    /** A value no paper has as an inferred subject. */
    public FacetValue(
        String value, String label, long count, boolean selected, List<FacetValue> children) {
      this(value, label, count, selected, children, 0);
    }
  }
}
