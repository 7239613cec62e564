package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.SortOrder;

/**
 * Abstracta as the API runs it: each query text goes to {@link SearchService#search} exactly as
 * {@code GET /api/search?q=…&size=100&facets=none} sends it (same parser, weights and limits); hits
 * are mapped from paper ids back to BEIR ids.
 */
final class AbstractaRanker implements Ranker {
  private final SearchService service;
  private final Map<String, String> beirIds;
  private final AtomicInteger refused = new AtomicInteger();

  /**
   * @param beirIds paper id to BEIR id, for every corpus document
   */
  AbstractaRanker(SearchService service, Map<String, String> beirIds) {
    this.service = service;
    this.beirIds = beirIds;
  }

  @Override
  public String name() {
    return "Abstracta";
  }

  @Override
  public String tag() {
    return "abstracta";
  }

  @Override
  public List<ScoredDoc> rank(String queryText, int depth) {
    SearchRequest request =
        new SearchRequest(
            queryText, Map.of(), SortOrder.RELEVANCE, 1, depth, null, Set.of(), false);
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

  @Override
  public void close() throws IOException {
    service.close();
  }
}
