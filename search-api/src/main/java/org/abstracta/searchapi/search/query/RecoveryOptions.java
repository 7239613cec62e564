package org.abstracta.searchapi.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.RecoveryOption;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;

/**
 * What would give results when a search gives none: the same search with one change — the
 * respelling, each filter dropped (a URL filter, or a filter typed in the query taken out of it),
 * the quoted words without quotes, every filter dropped — each counted by the engine that answered
 * ({@link Count}), and offered when it finds something. Both engines offer the same options from
 * this one list; only searched for when the total is 0, so it costs nothing otherwise.
 */
public final class RecoveryOptions {
  /** Most options offered: a few links, not a second result list. */
  public static final int MAX_OPTIONS = 8;

  /** How many papers a query text with URL filters finds, as the engine counts them. */
  @FunctionalInterface
  public interface Count {
    /**
     * @throws InvalidRequestException when the changed search cannot run (then it is no option)
     */
    long of(String query, Map<String, List<String>> filters) throws IOException;
  }

  private final SearchRequest request;
  private final Count count;

  private RecoveryOptions(SearchRequest request, Count count) {
    this.request = request;
    this.count = count;
  }

  /**
   * {@code result} with its recovery options when it found nothing (and was not cut short by its
   * time budget); else {@code result} itself.
   */
  public static SearchResult attach(SearchRequest request, SearchResult result, Count count)
      throws IOException {
    if (result.total() > 0 || result.partial()) return result;
    return result.withRecovery(
        new RecoveryOptions(request, count).options(result.didYouMean(), result.queryFilters()));
  }

  private List<RecoveryOption> options(String respelling, List<QueryFilter> typed)
      throws IOException {
    String q = request.query();
    Map<String, List<String>> filters = request.filters();
    List<RecoveryOption> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (respelling != null) offer(out, seen, "spelling", null, null, respelling, filters);
    for (String dim : Facets.ALL) {
      List<String> values = filters.get(dim);
      if (values == null) continue;
      Map<String, List<String>> without = new LinkedHashMap<>(filters);
      without.remove(dim);
      offer(out, seen, "filter", dim, String.join(" or ", values), q, without);
    }
    String withoutTyped = q;
    for (QueryFilter f : typed) {
      offer(out, seen, "queryFilter", f.dim(), f.text(), remove(q, f.text()), filters);
      withoutTyped = remove(withoutTyped, f.text());
    }
    if (q.indexOf('"') >= 0) {
      offer(
          out,
          seen,
          "phrase",
          null,
          null,
          q.replace('"', ' ').replaceAll("\\s+", " ").strip(),
          filters);
    }
    if (filters.size() + typed.size() > 1) {
      offer(out, seen, "allFilters", null, null, withoutTyped, Map.of());
    }
    return out;
  }

  private void offer(
      List<RecoveryOption> out,
      Set<String> seen,
      String kind,
      String dim,
      String value,
      String query,
      Map<String, List<String>> filters)
      throws IOException {
    if (out.size() >= MAX_OPTIONS || !seen.add(query + "\u0000" + filters)) return;
    if (query.equals(request.query()) && filters.equals(request.filters())) return;
    long n;
    try {
      n = count.of(query, filters);
    } catch (InvalidRequestException e) {
      return; // a query changed this way cannot run: not an option
    }
    if (n > 0) out.add(new RecoveryOption(kind, dim, value, query, filters, n));
  }

  /** The query without one typed clause, white space tidied. */
  static String remove(String query, String clause) {
    int at = query.indexOf(clause);
    if (at < 0) return query;
    String s = query.substring(0, at) + " " + query.substring(at + clause.length());
    return s.replaceAll("\\s+", " ").strip();
  }
}
