package org.abstracta.searchapi.search.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.facet.FacetCounter;
import org.abstracta.searchapi.search.facet.FacetFilters;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.facet.SearchThreads;
import org.abstracta.searchapi.search.query.ParsedQuery;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.UserQueryParser;
import org.abstracta.searchapi.search.rank.Feedback;
import org.abstracta.searchapi.search.result.HitExplainer;
import org.abstracta.searchapi.search.result.HitFactory;
import org.abstracta.searchapi.search.result.ResultOrder;
import org.abstracta.searchapi.search.suggest.SpellingCorrector;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One search request against one index snapshot: parse, filter, collect the page with an exact
 * total (and facet counts through {@link DrillSideways} when asked), then build hits, cursor and
 * "did you mean".
 */
final class SearchExecution {
  private final PaperSearcher searcher;
  private final SearchRequest request;
  private final long budgetMs;

  SearchExecution(PaperSearcher searcher, SearchRequest request) {
    this(searcher, request, QueryLimits.TIME_BUDGET_MS);
  }

  /** As above with another time budget (tests). */
  SearchExecution(PaperSearcher searcher, SearchRequest request, long budgetMs) {
    this.searcher = searcher;
    this.request = request;
    this.budgetMs = budgetMs;
  }

  /** Checks what the request asks for against the limits; the HTTP layer checks the same. */
  static void validate(SearchRequest r) {
    if (r.size() < 1 || r.size() > SearchRequest.MAX_SIZE) {
      throw new InvalidRequestException(
          "size", "invalid_parameter", "size must be between 1 and " + SearchRequest.MAX_SIZE);
    }
    if (r.page() < 1) {
      throw new InvalidRequestException("page", "invalid_parameter", "page must be 1 or more");
    }
    if (r.cursor() == null && (long) r.page() * r.size() > SearchRequest.MAX_PAGE_DEPTH) {
      throw new InvalidRequestException(
          "page",
          "page_too_deep",
          "pages reach only the first "
              + SearchRequest.MAX_PAGE_DEPTH
              + " results; page deeper with cursor");
    }
    if (r.facets() != null) {
      for (String f : r.facets()) {
        if (!Facets.ALL.contains(f)) {
          throw new InvalidRequestException(
              "facets", "unknown_facet", "unknown facet '" + f + "'; facets are " + Facets.ALL);
        }
      }
    }
  }

  /** The result for an index that has no commit yet. */
  static SearchResult empty(SearchRequest r, long startNanos) {
    validate(r);
    List<FacetResult> facets = new ArrayList<>();
    for (String dim : dims(r)) facets.add(new FacetResult(dim, List.of()));
    return new SearchResult(0, millisSince(startNanos), List.of(), facets, null, null, false);
  }

  SearchResult run(long startNanos) throws IOException {
    validate(request);
    ParsedQuery parsed = new UserQueryParser(searcher.getIndexReader()).parse(request.query());
    // An empty query lists everything; "relevance" means nothing there, so newest first.
    SortOrder order =
        parsed.matchAll() && request.sort() == SortOrder.RELEVANCE
            ? SortOrder.NEWEST
            : request.sort();
    FacetFilters filters = FacetFilters.of(request.filters(), searcher);
    IndexSearcher timed = searcher.timed(budgetMs);
    Query ranked = parsed.query();
    if (order == SortOrder.RELEVANCE && parsed.sentence()) {
      ranked = Feedback.expand(timed, ranked, filters); // the same matches, in another order
    }
    DrillDownQuery query = filters.apply(ranked);
    FieldDoc after = request.cursor() == null ? null : ResultOrder.after(order, request.cursor());
    int offset = after == null ? (request.page() - 1) * request.size() : 0;
    // One more than the page: whether it exists says whether there is a next page.
    TopFieldCollectorManager collect =
        new TopFieldCollectorManager(
            ResultOrder.sort(order), offset + request.size() + 1, after, Integer.MAX_VALUE);

    List<String> dims = dims(request);
    TopFieldDocs top;
    List<FacetResult> facets = List.of();
    if (dims.isEmpty()) {
      top = timed.search(query, collect);
    } else {
      DrillSideways.ConcurrentDrillSidewaysResult<TopFieldDocs> r =
          new CollectorsOnly(timed).search(query, collect);
      top = r.collectorResult;
      Map<String, FacetsCollector> sideways = new HashMap<>();
      if (r.drillSidewaysDims != null) {
        for (int i = 0; i < r.drillSidewaysDims.length; i++) {
          sideways.put(r.drillSidewaysDims[i], r.drillSidewaysFacetsCollector[i]);
        }
      }
      facets =
          new FacetCounter(searcher, filters).count(dims, r.drillDownFacetsCollector, sideways);
    }
    boolean partial = timed.timedOut();

    ScoreDoc[] docs = top.scoreDocs;
    int end = Math.min(docs.length, offset + request.size());
    ScoreDoc[] page =
        offset < end ? java.util.Arrays.copyOfRange(docs, offset, end) : new ScoreDoc[0];
    if (order != SortOrder.RELEVANCE && !parsed.matchAll() && page.length > 0) {
      TopFieldCollector.populateScores(page, searcher, query);
    }
    List<Hit> hits = hits(parsed, page, ranked != parsed.query());
    String next =
        docs.length > offset + request.size() && end > offset
            ? ResultOrder.cursor(order, (FieldDoc) docs[end - 1])
            : null;
    long total = top.totalHits.value();
    String didYouMean = didYouMean(parsed, total, filters);
    return new SearchResult(
        total, millisSince(startNanos), hits, facets, next, didYouMean, partial);
  }

  /**
   * @param feedback the scores include words of the first results ({@link Feedback})
   */
  private List<Hit> hits(ParsedQuery parsed, ScoreDoc[] page, boolean feedback) throws IOException {
    if (page.length == 0) return List.of();
    HitFactory factory =
        new HitFactory(parsed.matchAll() ? null : searcher.rewrite(parsed.query()));
    HitExplainer explainer =
        request.explain() ? new HitExplainer(searcher, parsed, feedback) : null;
    if (explainer != null) return hits(page, 0, page.length, factory, explainer);
    // Loading and highlighting the page is a tenth of a search or more: split over the threads.
    int parts = Math.min(SearchThreads.COUNT, (page.length + 3) / 4);
    List<Callable<List<Hit>>> tasks = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int from = SearchThreads.boundary(page.length, p, parts);
      int to = SearchThreads.boundary(page.length, p + 1, parts);
      tasks.add(() -> hits(page, from, to, factory, null));
    }
    List<Hit> out = new ArrayList<>(page.length);
    for (List<Hit> part : SearchThreads.TASKS.invokeAll(tasks)) out.addAll(part);
    return out;
  }

  /**
   * The hits of {@code page[from, to)}, read with their own stored-fields reader (one per thread).
   */
  private List<Hit> hits(
      ScoreDoc[] page, int from, int to, HitFactory factory, HitExplainer explainer)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Hit> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      ScoreDoc sd = page[i];
      // Sorted by relevance, the score is the first sort value; else populated (or 0 for all).
      float score =
          sd instanceof FieldDoc fd && fd.fields.length > 0 && fd.fields[0] instanceof Float f
              ? f
              : sd.score;
      String why = explainer == null ? null : explainer.explain(sd.doc, score);
      out.add(factory.hit(PaperDocuments.load(stored, sd.doc), score, why));
    }
    return out;
  }

  private String didYouMean(ParsedQuery parsed, long total, FacetFilters filters) {
    if (parsed.matchAll() || parsed.words().isEmpty()) return null;
    return new SpellingCorrector(searcher.getIndexReader())
        .suggest(
            request.query(),
            parsed.words(),
            total,
            text -> {
              try {
                Query q = new UserQueryParser(searcher.getIndexReader()).parse(text).query();
                return searcher.count(filters.apply(q));
              } catch (IOException | InvalidRequestException e) {
                return 0;
              }
            });
  }

  /** The dimensions to count: all by default, none for an empty set, in the API's order. */
  private static List<String> dims(SearchRequest r) {
    if (r.facets() == null) return Facets.ALL;
    return Facets.ALL.stream().filter(r.facets()::contains).toList();
  }

  private static double millisSince(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0;
  }

  /**
   * Drill sideways that only collects: the counts come from {@link FacetCounter}, which knows the
   * two facet fields ({@code $facets} and {@code $author}). It runs as one plain search per
   * filtered dimension (Lucene's "concurrent" mode, here on the calling thread): the one-pass
   * drill-sideways scorer cannot run under the time limit, which scores in windows.
   */
  private static final class CollectorsOnly extends DrillSideways {
    CollectorsOnly(IndexSearcher searcher) {
      super(
          searcher,
          Facets.config(),
          null,
          (SortedSetDocValuesReaderState) null,
          new CallingThreadExecutor());
    }

    @Override
    protected org.apache.lucene.facet.Facets buildFacetsResult(
        FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims) {
      return null;
    }
  }

  /** Runs each task on the thread that submits it. */
  private static final class CallingThreadExecutor extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
