package org.abstracta.searchapi.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.SortOrder;

/**
 * Abstracta as the API runs it: each query text goes to {@link SearchService#search} exactly as
 * {@code GET /api/search?q=…&mode=…&size=100&facets=none} sends it (same parser, weights, limits
 * and fusion); hits are mapped from paper ids back to BEIR ids.
 */
final class AbstractaRanker implements Ranker {
  private final SearchService service;
  private final Map<String, String> beirIds;
  private final SearchMode mode;
  private final String name;
  private final String tag;
  private final AtomicInteger refused = new AtomicInteger();

  /**
   * @param beirIds paper id to BEIR id, for every corpus document
   * @param mode the mode every query is searched in; null: the default, chosen per query
   */
  AbstractaRanker(
      SearchService service,
      Map<String, String> beirIds,
      SearchMode mode,
      String name,
      String tag) {
    this.service = service;
    this.beirIds = beirIds;
    this.mode = mode;
    this.name = name;
    this.tag = tag;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public List<ScoredDoc> rank(String queryText, int depth) {
    SearchRequest request =
        new SearchRequest(
            queryText, Map.of(), SortOrder.RELEVANCE, 1, depth, null, Set.of(), false, true, mode);
    List<Hit> hits;
    try {
      hits = service.search(request).hits();
    } catch (InvalidRequestException e) {
      refused.incrementAndGet();
      return List.of();
    }
    List<ScoredDoc> out = new ArrayList<>(hits.size());
    for (Hit h : hits) out.add(new ScoredDoc(beirIds.getOrDefault(h.id(), h.id()), h.score()));
    return out;
  }

  @Override
  public int refused() {
    return refused.get();
  }

  /** The service is the session's, shared by the modes: it closes it. */
  @Override
  public void close() {}
}
