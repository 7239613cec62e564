package org.abstracta.searchapi.search.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.IndexStats;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.SnapshotCounts;
import org.abstracta.searchapi.search.Suggestion;
import org.abstracta.searchapi.search.facet.FacetCounter;
import org.abstracta.searchapi.search.facet.FacetFilters;
import org.abstracta.searchapi.search.facet.FacetOrdinals;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.StructuredQueries;
import org.abstracta.searchapi.search.result.HitFactory;
import org.abstracta.searchapi.search.suggest.Completions;
import org.abstracta.searchapi.search.suggest.SimilarPapers;
import org.abstracta.searchapi.search.vector.SimilarByMeaning;
import org.abstracta.searchapi.search.vector.VectorField;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@link SearchService} over an index directory written by the indexer. One {@link IndexRefresher}
 * serves the latest commit (picking up commits of a concurrent {@code abstracta index} within
 * {@link #REFRESH_INTERVAL}); each call runs on one acquired snapshot and releases it. Thread-safe;
 * close it once.
 */
public final class IndexSearchService implements SearchService {
  /** How often the served snapshot checks for a new commit. */
  public static final Duration REFRESH_INTERVAL = Duration.ofMillis(250);

  /** Most values one facet listing returns. */
  public static final int MAX_FACET_VALUES = 1_000;

  /** Most suggestions and similar papers one call returns. */
  public static final int MAX_LIST = 50;

  /** How long one search may collect before it returns what it has, flagged partial. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(QueryLimits.TIME_BUDGET_MS);

  private static final System.Logger LOG = System.getLogger(IndexSearchService.class.getName());

  private final Directory directory;
  private final IndexRefresher refresher;
  private final long timeBudgetMs;
  private final Meaning meaning;
  private final boolean ownsMeaning;

  private IndexSearchService(
      Directory directory, Duration timeBudget, Meaning meaning, boolean ownsMeaning)
      throws IOException {
    this.directory = directory;
    this.timeBudgetMs = timeBudget.toMillis();
    this.meaning = meaning;
    this.ownsMeaning = ownsMeaning;
    this.refresher = new IndexRefresher(directory, REFRESH_INTERVAL);
  }

  /**
   * Serves the index in {@code indexDir}; an empty or missing directory is served as an empty index
   * until a first commit appears there. Searches by meaning use the bundled model, loaded on the
   * first query that needs it, and closed with the service.
   */
  public static IndexSearchService open(Path indexDir) throws IOException {
    return open(indexDir, DEFAULT_TIME_BUDGET);
  }

  /**
   * As {@link #open(Path)}, with another time budget per search (zero: every search that has
   * documents to look at stops at once and is flagged partial).
   */
  public static IndexSearchService open(Path indexDir, Duration timeBudget) throws IOException {
    return open(indexDir, timeBudget, null);
  }

  /**
   * As above, searching by meaning with {@code meaning} (null: the bundled model, owned and closed
   * by the service); a given one is the caller's to close (several services may share one).
   */
  public static IndexSearchService open(Path indexDir, Duration timeBudget, Meaning meaning)
      throws IOException {
    if (timeBudget.isNegative()) {
      throw new IllegalArgumentException("the time budget must not be negative: " + timeBudget);
    }
    Directory dir = FSDirectory.open(indexDir);
    boolean owns = meaning == null;
    Meaning m = owns ? Meaning.bundled() : meaning;
    try {
      return new IndexSearchService(dir, timeBudget, m, owns);
    } catch (IOException | RuntimeException e) {
      dir.close();
      if (owns) m.vectors().close();
      throw e;
    }
  }

  @Override
  public SearchResult search(SearchRequest request) {
    long start = System.nanoTime();
    try {
      return refresher.withSearcher(
          s ->
              Recovery.attach(
                  s, request, new SearchExecution(s, request, timeBudgetMs, meaning).run(start)),
          SearchExecution.empty(request, start));
    } catch (RuntimeException e) {
      if (!causedBy(e, IndexSearcher.TooManyClauses.class)) throw e;
      // QueryLimits keep every query under Lucene's clause limit; this is the safety net.
      LOG.log(System.Logger.Level.WARNING, "a query passed the limits but not Lucene's: " + e);
      throw QueryLimits.tooMuch(
          "query_too_complex", "the query is too complex; use fewer words or parentheses");
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }

  @Override
  public Optional<Paper> paper(String id) {
    return refresher.withSearcher(s -> find(s, id).map(d -> load(s, d)), Optional.empty());
  }

  @Override
  public List<Hit> similar(String id, int size) {
    int n = clamp(size, MAX_LIST, "size");
    return refresher.withSearcher(
        s -> {
          Optional<Integer> doc = find(s, id);
          if (doc.isEmpty()) return List.<Hit>of();
          HitFactory hits = new HitFactory(null);
          Paper paper = load(s, doc.get());
          ScoreDoc[] similar = byMeaning(s, doc.get(), paper.id(), n);
          if (similar == null) similar = SimilarPapers.find(s, paper, n);
          List<Hit> out = new ArrayList<>();
          for (ScoreDoc sd : similar) out.add(hits.hit(load(s, sd.doc), sd.score, null));
          return out;
        },
        List.of());
  }

  /**
   * The papers nearest to document {@code doc} by meaning, scored by cosine similarity; null when
   * it has no vector of the model (then more-like-this finds similar papers by their words).
   */
  private ScoreDoc[] byMeaning(PaperSearcher s, int doc, String id, int n) throws IOException {
    VectorField field = VectorField.of(s.getIndexReader(), meaning.vectors().model());
    if (field == null) return null;
    float[] vector = SimilarByMeaning.vectorOf(s, field, doc);
    return vector == null ? null : SimilarByMeaning.find(s, field, vector, id, n);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    int n = clamp(size, MAX_LIST, "size");
    return refresher.withSearcher(s -> new Completions(s).suggest(prefix, n), List.of());
  }

  @Override
  public FacetResult facetValues(String dim, String prefix, int size) {
    if (!Facets.ALL.contains(dim)) {
      throw new InvalidRequestException(
          "facet", "unknown_facet", "unknown facet '" + dim + "'; facets are " + Facets.ALL);
    }
    int n = clamp(size, MAX_FACET_VALUES, "size");
    String p = prefix == null ? "" : prefix;
    return refresher.withSearcher(
        s -> new FacetCounter(s, FacetFilters.of(Map.of(), s)).allValues(dim, p, n),
        new FacetResult(dim, List.of()));
  }

  @Override
  public IndexStats stats() {
    return refresher.withSearcher(
        s -> {
          Map<String, Long> perType = new LinkedHashMap<>();
          FacetOrdinals ordinals = s.facetOrdinals();
          if (ordinals != null) {
            for (LabelAndValue lv : ordinals.all().top(Integer.MAX_VALUE, Facets.TYPE)) {
              perType.put(lv.label, lv.value.longValue());
            }
          }
          String lastCommit = null;
          long generation = 0;
          if (s.getIndexReader() instanceof DirectoryReader dr) {
            IndexCommit commit = dr.getIndexCommit();
            lastCommit = commit.getUserData().get("abstracta.run");
            generation = commit.getGeneration();
          }
          VectorField field = VectorField.of(s.getIndexReader(), meaning.vectors().model());
          long withVectors = field == null ? 0 : field.count(s.getIndexReader());
          return new IndexStats(
              s.getIndexReader().numDocs(),
              perType,
              lastCommit,
              generation,
              withVectors,
              field == null ? null : field.model().name());
        },
        new IndexStats(0, Map.of(), null, 0));
  }

  /**
   * When the served index has vectors, loads the embedding model on another thread now, so the
   * first search by meaning does not wait for it; else nothing (a keyword-only index never loads
   * it).
   */
  public void prepareMeaning() {
    boolean vectors =
        refresher.withSearcher(
            s -> VectorField.of(s.getIndexReader(), meaning.vectors().model()) != null, false);
    if (vectors) meaning.vectors().embedLater("warm up");
  }

  /** Checks for a new commit now instead of at the next tick. */
  public void refresh() {
    refresher.refresh();
  }

  /** Snapshots opened and closed so far, and searchers in use now. */
  @Override
  public SnapshotCounts snapshots() {
    return refresher.counts();
  }

  /** The reader served now, for leak tests to inspect; never search it. Null before a commit. */
  IndexReader servedReader() {
    return refresher.servedReader();
  }

  @Override
  public void close() throws IOException {
    try {
      refresher.close();
    } finally {
      try {
        directory.close();
      } finally {
        if (ownsMeaning) meaning.vectors().close();
      }
    }
  }

  /** The document of the paper with id {@code id} in any form (arXiv, DOI, title id). */
  private static Optional<Integer> find(PaperSearcher s, String id) throws IOException {
    if (id == null || id.isBlank()) return Optional.empty();
    Query q = StructuredQueries.id(id);
    TopDocs top = s.search(q, 1);
    return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(top.scoreDocs[0].doc);
  }

  private static Paper load(PaperSearcher s, int doc) {
    try {
      return PaperDocuments.load(s.storedFields(), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int clamp(int size, int max, String parameter) {
    if (size < 1 || size > max) {
      throw new InvalidRequestException(
          parameter, "invalid_parameter", parameter + " must be between 1 and " + max);
    }
    return size;
  }
}
