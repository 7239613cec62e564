package org.abstracta.searchapi.search.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchResult.Matched;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.facet.FacetCounter;
import org.abstracta.searchapi.search.facet.FacetFilters;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.facet.SearchThreads;
import org.abstracta.searchapi.search.query.ParsedQuery;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.RequestLimits;
import org.abstracta.searchapi.search.query.UserQueryParser;
import org.abstracta.searchapi.search.rank.AllWordsQuery;
import org.abstracta.searchapi.search.rank.Feedback;
import org.abstracta.searchapi.search.result.HitExplainer;
import org.abstracta.searchapi.search.result.HitFactory;
import org.abstracta.searchapi.search.result.ResultOrder;
import org.abstracta.searchapi.search.result.ScoreFirstPage;
import org.abstracta.searchapi.search.suggest.SpellingCorrector;
import org.abstracta.searchapi.search.vector.Fusion.Fused;
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
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * One search request against one index snapshot: parse, filter, collect the page and the total (and
 * facet counts through {@link DrillSideways} when asked), then build hits and cursor. A query that
 * finds (nearly) nothing is respelled ({@link SpellingCorrector}) and, if that finds nothing
 * either, relaxed to papers with most of its words.
 */
final class SearchExecution {
  /**
   * Matches a keyword query's top hits are collected over before Lucene skips the documents that
   * cannot reach the page (block-max WAND); the exact total is counted apart, without scoring.
   */
  static final int TOTAL_HITS_THRESHOLD = 1_000;

  /**
   * A sentence matches most of the index: its total is counted exactly up to this many, and past it
   * given as a lower bound ({@code totalExact} false) instead of scoring every paper.
   */
  static final int SENTENCE_COUNT = 10_000;

  private final PaperSearcher searcher;
  private final SearchRequest request;
  private final long budgetMs;
  private final Meaning meaning;

  /** The vector side of a semantic or hybrid search ran out of its time budget. */
  private boolean vectorSidePartial;

  /** The mode this search runs in; keyword until {@link #run} chooses. */
  private ModePlan mode = new ModePlan(SearchMode.KEYWORD, null, null, null);

  SearchExecution(PaperSearcher searcher, SearchRequest request) {
    this(searcher, request, QueryLimits.TIME_BUDGET_MS, null);
  }

  /** As above with another time budget (tests). */
  SearchExecution(PaperSearcher searcher, SearchRequest request, long budgetMs) {
    this(searcher, request, budgetMs, null);
  }

  /**
   * @param meaning the model and fusion semantic and hybrid searches use; null: keyword only
   */
  SearchExecution(PaperSearcher searcher, SearchRequest request, long budgetMs, Meaning meaning) {
    this.searcher = searcher;
    this.request = request;
    this.budgetMs = budgetMs;
    this.meaning = meaning;
  }

  /** Checks what the request asks for against the limits; the HTTP layer checks the same. */
  static void validate(SearchRequest r) {
    RequestLimits.validate(r);
  }

  /** The result for an index that has no commit yet. */
  static SearchResult empty(SearchRequest r, long startNanos) {
    validate(r);
    List<FacetResult> facets = new ArrayList<>();
    for (String dim : dims(r)) facets.add(new FacetResult(dim, List.of()));
    return new SearchResult(
        0,
        true,
        millisSince(startNanos),
        List.of(),
        facets,
        null,
        null,
        false,
        Matched.ALL,
        null,
        List.of(),
        List.of(),
        SearchMode.KEYWORD,
        null);
  }

  /** A query ready to run: parsed, with its filters. */
  private record Planned(ParsedQuery parsed, FacetFilters filters) {}

  /**
   * What one run of a query collected: the page's documents, the total and the facets; {@code
   * sides} where a semantic or hybrid search found each (null for keyword mode), {@code query} null
   * then.
   */
  private record Collected(
      Planned plan,
      SortOrder order,
      DrillDownQuery query,
      boolean feedback,
      ScoreDoc[] docs,
      int offset,
      long total,
      boolean totalExact,
      List<FacetResult> facets,
      Map<Integer, Fused> sides) {}

  SearchResult run(long startNanos) throws IOException {
    validate(request);
    UserQueryParser parser = new UserQueryParser(searcher.getIndexReader());
    IndexSearcher timed = searcher.timed(budgetMs);
    Planned literal = plan(parser.parse(request.query()));
    mode = ModePlan.choose(request, literal.parsed(), searcher.getIndexReader(), meaning);
    Collected c = collect(literal, timed);
    Matched matched = literal.parsed().sentence() ? Matched.RANKED : Matched.ALL;

    // A query that finds (nearly) nothing: its respelling, or papers with some of its words.
    String didYouMean = null;
    String corrected = null;
    // By meaning alone, words are neither respelled nor relaxed: the vector reads them as typed.
    boolean byWords = mode.mode() != SearchMode.SEMANTIC;
    SpellingCorrector.Correction fix =
        byWords && SpellingCorrector.worthTrying(literal.parsed().sentence(), c.total())
            ? correction(parser, literal.parsed())
            : null;
    if (fix != null && request.autocorrect() && SpellingCorrector.shows(c.total(), fix.count())) {
      corrected = fix.text();
      c = collect(plan(parser.parse(corrected)), timed);
    } else if (fix != null && fix.count() >= c.total()) {
      didYouMean = fix.text();
    }
    if (c.total() == 0 && byWords) {
      Collected some = relaxed(parser, corrected == null ? request.query() : corrected, c, timed);
      if (some != null) {
        c = some;
        matched = Matched.SOME;
      }
    }
    boolean partial = timed.timedOut() || vectorSidePartial;

    int end = Math.min(c.docs().length, c.offset() + request.size());
    ScoreDoc[] page =
        c.offset() < end ? Arrays.copyOfRange(c.docs(), c.offset(), end) : new ScoreDoc[0];
    ParsedQuery parsed = c.plan().parsed();
    if (c.order() != SortOrder.RELEVANCE
        && !parsed.matchAll()
        && page.length > 0
        && c.sides() == null) {
      TopFieldCollector.populateScores(page, searcher, c.query());
    }
    List<Hit> hits = hits(parsed, page, c.feedback(), c.sides());
    // Only sorted results resume from a cursor: a fused ranking pages with page.
    String next =
        c.docs().length > c.offset() + request.size()
                && end > c.offset()
                && c.docs()[end - 1] instanceof FieldDoc last
            ? ResultOrder.cursor(c.order(), last)
            : null;
    return new SearchResult(
        c.total(),
        c.totalExact(),
        millisSince(startNanos),
        hits,
        c.facets(),
        next,
        didYouMean,
        partial,
        matched,
        corrected,
        parsed.filters(),
        List.of(), // recovery: Recovery.attach adds it when nothing is found
        mode.mode(),
        mode.note());
  }

  private Planned plan(ParsedQuery parsed) {
    return new Planned(parsed, FacetFilters.of(request.filters(), parsed.filters(), searcher));
  }

  /**
   * Runs a planned query: the page's documents with Lucene's dynamic pruning (only the documents
   * that can still reach the page are scored), and, apart, the facet counts and the total in one
   * pass that scores nothing — or, without facets, a count of the matches for keywords and a lower
   * bound past {@link #SENTENCE_COUNT} for a sentence, which matches most of the index.
   */
  private Collected collect(Planned plan, IndexSearcher timed) throws IOException {
    ParsedQuery parsed = plan.parsed();
    // An empty query lists everything; "relevance" means nothing there, so newest first.
    SortOrder order =
        parsed.matchAll() && request.sort() == SortOrder.RELEVANCE
            ? SortOrder.NEWEST
            : request.sort();
    // A sentence ranked by its words is ranked with the words of its first results too.
    boolean feedback =
        order == SortOrder.RELEVANCE
            && parsed.sentence()
            && request.size() > 0
            && mode.mode() != SearchMode.SEMANTIC;
    List<String> dims = dims(request);
    if (mode.mode() != SearchMode.KEYWORD && !parsed.matchAll()) {
      MeaningSearch.Result m =
          new MeaningSearch(
                  searcher,
                  request,
                  mode.mode(),
                  mode.field(),
                  mode.vector(),
                  meaning.fusion(),
                  budgetMs)
              .collect(plan.filters(), parsed.query(), parsed.sentence(), feedback, dims, timed);
      if (m != null && m.partial()) vectorSidePartial = true;
      if (m != null) {
        return new Collected(
            plan,
            m.order(),
            null,
            feedback,
            m.docs(),
            m.offset(),
            m.total(),
            m.totalExact(),
            m.facets(),
            m.sides());
      }
      // The query could not be embedded: by keywords, saying so.
      mode =
          new ModePlan(
              SearchMode.KEYWORD,
              meaning.vectors().failure() != null
                  ? meaning.vectors().failure()
                  : "the query could not be embedded",
              null,
              null);
    }
    Query ranked =
        feedback
            ? Feedback.expand(timed, parsed.query(), plan.filters()) // the same matches, reordered
            : parsed.query();
    DrillDownQuery query = plan.filters().apply(ranked);

    List<FacetResult> facets = List.of();
    long total = -1;
    if (!dims.isEmpty()) {
      DrillSideways.ConcurrentDrillSidewaysResult<Integer> r =
          new CollectorsOnly(timed)
              .search(query, new TotalHitCountCollectorManager(timed.getSlices()));
      total = r.collectorResult;
      Map<String, FacetsCollector> sideways = new HashMap<>();
      if (r.drillSidewaysDims != null) {
        for (int i = 0; i < r.drillSidewaysDims.length; i++) {
          sideways.put(r.drillSidewaysDims[i], r.drillSidewaysFacetsCollector[i]);
        }
      }
      facets =
          new FacetCounter(searcher, plan.filters())
              .count(dims, r.drillDownFacetsCollector, sideways);
    }

    ScoreDoc[] docs = new ScoreDoc[0];
    int offset = 0;
    boolean exact = true;
    if (request.size() > 0) {
      FieldDoc after = request.cursor() == null ? null : ResultOrder.after(order, request.cursor());
      offset = after == null ? (request.page() - 1) * request.size() : 0;
      // One more than the page: whether it exists says whether there is a next page.
      int n = offset + request.size() + 1;
      TopFieldDocs top =
          order == SortOrder.RELEVANCE && after == null
              ? ScoreFirstPage.top(
                  timed, AllWordsQuery.of(timed.rewrite(query)), n, TOTAL_HITS_THRESHOLD)
              : timed.search(
                  query,
                  new TopFieldCollectorManager(
                      ResultOrder.sort(order), n, after, TOTAL_HITS_THRESHOLD));
      docs = top.scoreDocs;
      if (total < 0 && top.totalHits.relation() == TotalHits.Relation.EQUAL_TO) {
        total = top.totalHits.value();
      }
    }
    if (total < 0) {
      // A sentence's own words match the same papers as its ranking's: those are counted.
      TotalHits counted =
          MatchCount.total(timed, plan.filters().apply(parsed.query()), parsed.sentence());
      total = counted.value();
      exact = counted.relation() == TotalHits.Relation.EQUAL_TO;
    }
    return new Collected(
        plan, order, query, ranked != parsed.query(), docs, offset, total, exact, facets, null);
  }

  /**
   * The query {@code text}, which found nothing ({@code none}), with as many of its keywords
   * required as some paper has — all but one, then all but two, … — or null when not even one does
   * (or it has fewer than two keywords to choose from).
   */
  private Collected relaxed(
      UserQueryParser parser, String text, Collected none, IndexSearcher timed) throws IOException {
    for (int some = none.plan().parsed().relaxable() - 1; some >= 1; some--) {
      Planned relaxed = plan(parser.parse(text, some));
      if (timed.count(relaxed.filters().apply(relaxed.parsed().query())) > 0) {
        return collect(relaxed, timed);
      }
    }
    return null;
  }

  /** The best respelling of the query, or null; only the words that look misspelled cost time. */
  private SpellingCorrector.Correction correction(UserQueryParser parser, ParsedQuery parsed) {
    if (parsed.matchAll() || parsed.words().isEmpty()) return null;
    return new SpellingCorrector(searcher.getIndexReader())
        .correct(
            request.query(),
            parsed.words(),
            text -> {
              try {
                Planned p = plan(parser.parse(text));
                return searcher.count(p.filters().apply(p.parsed().query()));
              } catch (IOException | InvalidRequestException e) {
                return 0;
              }
            });
  }

  /**
   * @param feedback the scores include words of the first results ({@link Feedback})
   */
  private List<Hit> hits(
      ParsedQuery parsed, ScoreDoc[] page, boolean feedback, Map<Integer, Fused> sides)
      throws IOException {
    if (page.length == 0) return List.of();
    HitFactory factory =
        new HitFactory(parsed.matchAll() ? null : searcher.rewrite(parsed.query()));
    HitExplainer explainer =
        request.explain() ? new HitExplainer(searcher, parsed, feedback) : null;
    if (explainer != null) {
      List<Hit> hits = hits(page, 0, page.length, factory, sides == null ? explainer : null);
      if (sides == null) return hits;
      List<Hit> out = new ArrayList<>(hits.size());
      for (int i = 0; i < page.length; i++) {
        out.add(explained(hits.get(i), sides.get(page[i].doc), page[i].doc, explainer));
      }
      return out;
    }
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

  /**
   * {@code hit} of a semantic or hybrid search with where each side put it ({@code f}; null: only
   * past the fused results, by keywords) and, when keywords found it, why they scored it so.
   */
  private Hit explained(Hit hit, Fused f, int doc, HitExplainer explainer) throws IOException {
    boolean byKeywords = f == null || f.keywordRank() > 0;
    Hit.Ranking r =
        f == null
            ? new Hit.Ranking(null, null, null, null, hit.score())
            : new Hit.Ranking(
                f.keywordRank() > 0 ? f.keywordRank() : null,
                f.keywordRank() > 0 ? f.keywordScore() : null,
                f.vectorRank() > 0 ? f.vectorRank() : null,
                f.vectorRank() > 0 ? f.similarity() : null,
                hit.score());
    String keywordWhy =
        byKeywords && r.keywordScore() != null ? explainer.explain(doc, r.keywordScore()) : null;
    return hit.explained(
        HitExplainer.sides(mode.mode(), r, meaning.fusion().vectorWeight(), keywordWhy), r);
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
