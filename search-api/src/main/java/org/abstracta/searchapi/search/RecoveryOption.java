package org.abstracta.searchapi.search;

import java.util.List;
import java.util.Map;

/**
 * A search that would find something, offered when a search finds nothing: the same search with one
 * change, and how many it finds.
 *
 * @param kind what changes: {@code spelling} (the respelled query), {@code filter} (a URL filter
 *     dropped), {@code queryFilter} (a filter typed in the query taken out of it), {@code phrase}
 *     (the quoted words without their quotes), {@code allFilters} (every filter dropped)
 * @param dim the dropped filter's dimension, for {@code filter} and {@code queryFilter}; else null
 * @param value what was dropped, as a reader would name it ({@code 2007}, {@code year:2007}); null
 *     for {@code spelling}, {@code phrase} and {@code allFilters}
 * @param query the query text of the search offered
 * @param filters the URL filters of the search offered
 * @param count how many papers it finds (at least one)
 */
public record RecoveryOption(
    String kind,
    String dim,
    String value,
    String query,
    Map<String, List<String>> filters,
    long count) {

  public RecoveryOption {
    filters = Map.copyOf(filters);
  }
}
