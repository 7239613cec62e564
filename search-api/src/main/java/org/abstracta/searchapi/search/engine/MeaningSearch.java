package org.abstracta.searchapi.search.engine;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.facet.FacetCounter;
import org.abstracta.searchapi.search.facet.FacetFilters;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.rank.DocScores;
import org.abstracta.searchapi.search.rank.Feedback;
import org.abstracta.searchapi.search.result.ResultOrder;
import org.abstracta.searchapi.search.vector.Fusion;
import org.abstracta.searchapi.search.vector.Fusion.Fused;
import org.abstracta.searchapi.search.vector.NearestPapers;
import org.abstracta.searchapi.search.vector.VectorField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * The collection of a semantic or hybrid search, on one snapshot. What it finds, and so what its
 * total and facets count:
 *
 * <ul>
 *   <li>semantic: the {@code depth} papers nearest to the query's vector that pass the filters
 *       (filtered HNSW search); ranked by cosine similarity;
 *   <li>hybrid: those, and every paper the keyword query matches under the filters (a paper without
 *       a vector is still found by its words); ranked by {@link Fusion} of the keyword top and the
 *       vector top, the other keyword matches after them in keyword order.
 * </ul>
 *
 * A facet with a filter is counted, as in keyword mode, over what the search finds with every
 * filter but its own: the nearest papers are searched again without that filter. Sorted by date,
 * the same papers are listed by date (and page with a cursor); by relevance they page with {@code
 * page} only.
 */
final class MeaningSearch {
  /** What was collected: as {@code SearchExecution.Collected}, plus each fused hit's sides. */
  record Result(
      SortOrder order,
      ScoreDoc[] docs,
      int offset,
      long total,
      boolean totalExact,
      List<FacetResult> facets,
      Map<Integer, Fused> sides,
      boolean partial) {}

  private final PaperSearcher searcher;
  private final SearchRequest request;
  private final SearchMode mode;
  private final VectorField field;
  private final CompletableFuture<float[]> vectorLater;
  private final Fusion.Settings settings;
  private final long budgetMs;
  private float[] vector;

  MeaningSearch(
      PaperSearcher searcher,
      SearchRequest request,
      SearchMode mode,
      VectorField field,
      CompletableFuture<float[]> vector,
      Fusion.Settings settings,
      long budgetMs) {
    this.searcher = searcher;
    this.request = request;
    this.mode = mode;
    this.field = field;
    this.vectorLater = vector;
    this.settings = settings;
    this.budgetMs = budgetMs;
  }

  /**
   * @param keyword the keyword query, without the filters
   * @param sentence whether the query is a sentence (its keyword total is a lower bound past {@link
   *     SearchExecution#SENTENCE_COUNT})
   * @param feedback whether the keyword side ranks with the words of its first results, as keyword
   *     mode ranks a sentence, rescoring only the results it fuses ({@link Feedback#rerank}): those
   *     of 300 are what is slow (measured in docs/performance.md), and SciFact ranks the same
   * @return what was found, or null when the query has no vector (the model failed)
   */
  Result collect(
      FacetFilters filters,
      Query keyword,
      boolean sentence,
      boolean feedback,
      List<String> dims,
      IndexSearcher timed)
      throws IOException {
    SortOrder order = request.sort();
    if (order == SortOrder.RELEVANCE && request.cursor() != null) {
      throw new InvalidRequestException(
          "cursor",
          "invalid_parameter",
          mode.value()
              + " results sorted by relevance page with page (up to "
              + SearchRequest.MAX_PAGE_DEPTH
              + " results), not cursor");
    }
    boolean hybrid = mode == SearchMode.HYBRID;
    int offset = request.cursor() == null ? (request.page() - 1) * request.size() : 0;
    int wanted = offset + request.size() + 1;
    // The keyword side first: the query is embedded meanwhile (QueryVectors#embedLater).
    TopDocs keywordTop = null;
    // While the query is embedded on another thread, the keyword side leaves it the other core.
    IndexSearcher keywordSide = vectorLater.isDone() ? timed : searcher.timedOnThisThread(budgetMs);
    if (hybrid) {
      int n = Math.max(settings.depth(), wanted);
      keywordTop =
          feedback
              ? Feedback.rerank(keywordSide, keyword, filters, n, n)
              : keywordSide.search(
                  filters.apply(keyword),
                  new TopScoreDocCollectorManager(n, SearchExecution.TOTAL_HITS_THRESHOLD));
    }
    // Without facets the total is the keyword matches and the nearest papers that are not among
    // them: the keyword matches are counted while the query is still being embedded.
    long keywordTotal = 0;
    boolean exact = true;
    if (hybrid && dims.isEmpty()) {
      keywordTotal = keywordTop.totalHits.value();
      if (keywordTop.totalHits.relation() != TotalHits.Relation.EQUAL_TO) {
        TotalHits counted = MatchCount.total(keywordSide, filters.apply(keyword), sentence);
        keywordTotal = counted.value();
        exact = counted.relation() == TotalHits.Relation.EQUAL_TO;
      }
    }
    vector = vectorLater.join();
    if (vector == null) return null;
    // The vector side has a budget of its own from here: the first query of a service may have
    // waited for the model to load.
    timed = searcher.timed(budgetMs);
    NearestPapers near =
        NearestPapers.find(timed, field, vector, settings.depth(), filters.asFilter());
    Query found = hybrid ? either(keyword, near.query()) : near.query();
    List<Fused> fused =
        Fusion.fuse(
            keywordTop == null ? new ScoreDoc[0] : keywordTop.scoreDocs,
            near.docs(),
            hybrid ? settings : new Fusion.Settings(1, settings.depth()));
    Map<Integer, Fused> sides = new HashMap<>();
    for (Fused f : fused) sides.put(f.doc(), f);

    long total;
    List<FacetResult> facets = List.of();
    if (!dims.isEmpty()) {
      FacetsCollector all = timed.search(filters.apply(found), new FacetsCollectorManager());
      Map<String, FacetsCollector> sideways = new HashMap<>();
      for (String dim : filters.drillDownDims()) {
        if (!dims.contains(dim)) continue;
        FacetFilters others = filters.without(dim);
        NearestPapers n =
            NearestPapers.find(timed, field, vector, settings.depth(), others.asFilter());
        Query q = hybrid ? either(keyword, n.query()) : n.query();
        sideways.put(dim, timed.search(others.apply(q), new FacetsCollectorManager()));
      }
      facets = new FacetCounter(searcher, filters).count(dims, all, sideways);
      total = FacetCounter.totalHits(all);
    } else if (!hybrid) {
      total = near.docs().length;
    } else {
      int[] nearest = new int[near.docs().length];
      for (int i = 0; i < nearest.length; i++) nearest[i] = near.docs()[i].doc;
      int both = DocScores.of(timed, keyword, nearest).size();
      total = keywordTotal + nearest.length - both;
    }

    ScoreDoc[] docs;
    if (request.size() == 0) {
      docs = new ScoreDoc[0];
    } else if (order == SortOrder.RELEVANCE) {
      docs = new ScoreDoc[Math.min(fused.size(), wanted)];
      for (int i = 0; i < docs.length; i++) {
        Fused f = fused.get(i);
        docs[i] = new ScoreDoc(f.doc(), score(f));
      }
    } else {
      FieldDoc after = request.cursor() == null ? null : ResultOrder.after(order, request.cursor());
      docs =
          timed.search(
                  filters.apply(found),
                  new TopFieldCollectorManager(
                      ResultOrder.sort(order), wanted, after, SearchExecution.TOTAL_HITS_THRESHOLD))
              .scoreDocs;
      for (ScoreDoc sd : docs) {
        Fused f = sides.get(sd.doc);
        sd.score = f == null ? 0 : score(f);
      }
    }
    return new Result(
        order,
        docs,
        offset,
        total,
        exact,
        facets,
        sides,
        keywordSide.timedOut() || timed.timedOut());
  }

  /** A hit's score: fused in hybrid mode, its cosine similarity in semantic mode. */
  private float score(Fused f) {
    return mode == SearchMode.HYBRID ? f.score() : f.similarity();
  }

  /** Documents matching {@code a} or {@code b}. */
  private static Query either(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
  }
}
