package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.text.Fold;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.IndexStats;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchResult.Matched;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.ServiceUnavailableException;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.Suggestion;
import org.abstracta.searchapi.search.facet.FacetCounter;
import org.abstracta.searchapi.search.query.FilterSelection;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.RecoveryOptions;
import org.abstracta.searchapi.search.query.RequestLimits;
import org.abstracta.searchapi.search.result.HitFactory;
import org.abstracta.searchapi.search.result.ResultOrder;
import org.abstracta.searchapi.search.suggest.Completions;
import org.abstracta.searchapi.search.suggest.SpellingCorrector;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * {@link SearchService} over an OpenSearch index that {@code abstracta index --opensearch} wrote:
 * the same requests and answers as the embedded engine's, from the same query language ({@link
 * QueryMapper}), with facets counted as aggregations under the same filters ({@link
 * OpenSearchFacets}). Scores use the whole index's term statistics ({@code dfs_query_then_fetch}),
 * as one Lucene index has them. A cluster that cannot be reached, or has no index yet, throws
 * {@link ServiceUnavailableException}: the HTTP layer answers 503.
 */
public final class OpenSearchSearchService implements SearchService {
  /** Most values one facet listing returns, as the embedded engine. */
  static final int MAX_FACET_VALUES = 1_000;

  /** Most suggestions and similar papers one call returns. */
  static final int MAX_LIST = 50;

  private final OpenSearchClient client;
  private final String index;
  private final long timeBudgetMs;
  private final SourceLabels sourceLabels;

  private OpenSearchSearchService(OpenSearchClient client, long timeBudgetMs) {
    this.client = client;
    this.index = client.target().index();
    this.timeBudgetMs = timeBudgetMs;
    this.sourceLabels = new SourceLabels(client, index);
  }

  /** A service over {@code target}; nothing is asked of the cluster yet. */
  public static OpenSearchSearchService open(OpenSearchTarget target) {
    return open(target, Duration.ofMillis(QueryLimits.TIME_BUDGET_MS));
  }

  /**
   * As {@link #open(OpenSearchTarget)}, each search with {@code timeBudget} per shard ({@code
   * timeout}; a search past it is flagged partial).
   */
  public static OpenSearchSearchService open(OpenSearchTarget target, Duration timeBudget) {
    return new OpenSearchSearchService(OpenSearchClient.connect(target), timeBudget.toMillis());
  }

  @Override
  public SearchResult search(SearchRequest request) {
    long start = System.nanoTime();
    RequestLimits.validate(request);
    try {
      return new Execution(request, start).run();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private RuntimeException failure(IOException e) {
    if (e instanceof OpenSearchClient.Refused r && r.type().equals("index_not_found_exception")) {
      return new ServiceUnavailableException(
          "no index '"
              + index
              + "' at "
              + client.target().nodeList()
              + " (run `abstracta index --opensearch …` first)",
          e);
    }
    if (e instanceof OpenSearchClient.Unavailable
        || e instanceof OpenSearchClient.Refused r && r.status() >= 500) {
      // Down, or up but failing (a node lost mid-search): the client may try again shortly.
      return new ServiceUnavailableException(e.getMessage(), e);
    }
    return new UncheckedIOException(e);
  }

  /** One search request: plan, run, maybe respell or relax, then hits, facets and cursor. */
  private final class Execution {
    private final SearchRequest request;
    private final long start;
    private final QueryMapper mapper = new QueryMapper(OpenSearchSearchService.this::anyStartsWith);

    Execution(SearchRequest request, long start) {
      this.request = request;
      this.start = start;
    }

    SearchResult run() throws IOException {
      QueryMapper.Mapped literal = mapper.map(request.query());
      Matched matched = literal.sentence() ? Matched.RANKED : Matched.ALL;
      Run r = execute(literal);
      // A query that finds (nearly) nothing: its respelling, or papers with some of its words.
      String didYouMean = null;
      String corrected = null;
      SpellingCorrector.Correction fix =
          SpellingCorrector.worthTrying(literal.sentence(), r.total) ? correction(literal) : null;
      if (fix != null && request.autocorrect() && SpellingCorrector.shows(r.total, fix.count())) {
        corrected = fix.text();
        r = execute(mapper.map(corrected));
      } else if (fix != null && fix.count() >= r.total) {
        didYouMean = fix.text();
      }
      if (r.total == 0) {
        String text = corrected == null ? request.query() : corrected;
        for (int some = r.mapped.relaxable() - 1; some >= 1; some--) {
          QueryMapper.Mapped relaxed = mapper.map(text, some);
          if (count(relaxed) > 0) {
            r = execute(relaxed);
            matched = Matched.SOME;
            break;
          }
        }
      }
      SearchResult result =
          new SearchResult(
              r.total,
              r.exact,
              Math.round((System.nanoTime() - start) / 10_000.0) / 100.0,
              r.hits,
              r.facets,
              r.next,
              didYouMean,
              r.partial,
              matched,
              corrected,
              r.mapped.filters(),
              List.of(),
              SearchMode.KEYWORD,
              modeNote(request.mode()));
      return RecoveryOptions.attach(request, result, this::count);
    }

    /**
     * Why a search asked to rank by meaning ranks by keywords: the cluster's index holds no vectors
     * (the embedded index's embedding stage makes them); null when keywords were asked for or the
     * default applies.
     */
    private static String modeNote(SearchMode asked) {
      return asked == null || asked == SearchMode.KEYWORD
          ? null
          : "the OpenSearch backend ranks by keywords only: search by meaning needs the embedded"
              + " index's vectors";
    }

    /** The best respelling of the query, or null; only the words that look misspelled cost time. */
    private SpellingCorrector.Correction correction(QueryMapper.Mapped m) {
      if (m.matchAll() || m.words().isEmpty()) return null;
      return new SpellingCorrector(new OpenSearchVocabulary(client, index))
          .correct(
              request.query(),
              m.words(),
              text -> {
                try {
                  return count(mapper.map(text));
                } catch (IOException | InvalidRequestException e) {
                  return 0;
                }
              });
    }

    private OpenSearchFilters filters(QueryMapper.Mapped m, Map<String, List<String>> filters) {
      return new OpenSearchFilters(
          FilterSelection.of(filters, m.filters(), OpenSearchSearchService.this::spellings));
    }

    private long count(QueryMapper.Mapped m) throws IOException {
      return count(m, request.filters());
    }

    /** How many papers {@code text} finds under the URL filters {@code filters} (for recovery). */
    private long count(String text, Map<String, List<String>> filters) throws IOException {
      return count(mapper.map(text), filters);
    }

    private long count(QueryMapper.Mapped m, Map<String, List<String>> filters) throws IOException {
      OpenSearchFilters f = filters(m, filters);
      ObjectNode body = client.object();
      ObjectNode q = f.restrict(m.query());
      ObjectNode all = f.all();
      if (all != null) {
        Dsl.Bool b = new Dsl.Bool();
        b.must.add(q);
        b.filter.add(all);
        q = b.build();
      }
      body.set("query", q);
      return client.send("POST", "/" + index + "/_count", Map.of(), body).path("count").asLong();
    }

    private Run execute(QueryMapper.Mapped m) throws IOException {
      OpenSearchFilters f = filters(m, request.filters());
      SortOrder order =
          m.matchAll() && request.sort() == SortOrder.RELEVANCE ? SortOrder.NEWEST : request.sort();
      List<String> dims = dims(request);
      ObjectNode body = client.object();
      ObjectNode ranked = m.query();
      if (order == SortOrder.RELEVANCE && m.sentence() && request.size() > 0) {
        ranked = new SentenceFeedback(client, index).expand(m, f); // the same matches, reordered
      }
      ObjectNode query = withFieldStatistics(f.restrict(ranked));
      boolean explain = request.explain() && request.size() > 0;
      body.set("query", explain ? Explanations.probed(query, m) : query);
      ObjectNode post = f.all();
      if (post != null) body.set("post_filter", post);
      FieldDoc after = request.cursor() == null ? null : ResultOrder.after(order, request.cursor());
      int offset = after == null ? (request.page() - 1) * request.size() : 0;
      body.put("from", request.size() == 0 ? 0 : offset);
      body.put("size", request.size() == 0 ? 0 : request.size() + 1);
      if (m.sentence() && dims.isEmpty()) body.put("track_total_hits", SENTENCE_COUNT);
      else body.put("track_total_hits", true);
      body.put("timeout", Math.max(1, timeBudgetMs) + "ms");
      body.putArray("_source").add(OpenSearchSchema.PAPER);
      body.set("sort", sort(order));
      if (order != SortOrder.RELEVANCE) body.put("track_scores", !m.matchAll());
      if (after != null) body.set("search_after", searchAfter(order, after));
      OpenSearchFacets facets = new OpenSearchFacets(f, dims, sourceLabels);
      ObjectNode aggs = facets.aggregations();
      if (!aggs.isEmpty()) body.set("aggs", aggs);
      JsonNode response =
          client.send(
              "POST",
              "/" + index + "/_search",
              Map.of("search_type", "dfs_query_then_fetch"),
              body);
      Run r = new Run();
      r.mapped = m;
      JsonNode total = response.path("hits").path("total");
      r.total = total.path("value").asLong();
      r.exact = !"gte".equals(total.path("relation").asText());
      r.partial = response.path("timed_out").asBoolean(false);
      r.facets = facets.results(response.path("aggregations"));
      JsonNode hits = response.path("hits").path("hits");
      int shown = Math.min(hits.size(), request.size());
      for (int i = 0; i < shown; i++) {
        JsonNode h = hits.get(i);
        Paper p = OpenSearchSchema.paper(h.path("_source"));
        float score = m.matchAll() ? 0f : (float) h.path("_score").asDouble(0);
        String why = explain ? Explanations.of(m, h, ranked != m.query(), score) : null;
        r.hits.add(HitFactory.ofTerms(MatchedWords.of(m, p)).hit(p, score, why));
      }
      if (hits.size() > request.size() && shown > 0) {
        r.next = ResultOrder.cursor(order, fieldDoc(order, hits.get(shown - 1).path("sort")));
      }
      return r;
    }
  }

  /**
   * {@code query} with clauses that match nothing but make every shard report the text fields'
   * statistics in the DFS phase. A phrase or a combined-fields query asks a shard for its field's
   * statistics only when the shard holds one of its terms; without these, a word found on one shard
   * only would be scored with that shard's document count and average field length instead of the
   * whole index's (as {@code term} queries are). Scores and matches are unchanged.
   */
  static ObjectNode withFieldStatistics(ObjectNode query) {
    Dsl.Bool b = new Dsl.Bool();
    b.must.add(query);
    for (String field :
        List.of(OpenSearchSchema.TITLE, OpenSearchSchema.ABSTRACT, OpenSearchSchema.AUTHORS)) {
      b.should.add(Dsl.term(field, Analyzers.EXACT_MARK)); // "=" alone: no word is empty
    }
    return b.build();
  }

  /** The hits of a search scored with the whole index's statistics. */
  static JsonNode scoredHits(OpenSearchClient client, String index, ObjectNode body)
      throws IOException {
    return client
        .send("POST", "/" + index + "/_search", Map.of("search_type", "dfs_query_then_fetch"), body)
        .path("hits")
        .path("hits");
  }

  /** A sentence's total past this is a lower bound, as in the embedded engine. */
  static final int SENTENCE_COUNT = 10_000;

  /** What one run of a query found. */
  private static final class Run {
    QueryMapper.Mapped mapped;
    long total;
    boolean exact = true;
    boolean partial;
    List<FacetResult> facets = List.of();
    final List<Hit> hits = new ArrayList<>();
    String next;
  }

  private static ArrayNode sort(SortOrder order) {
    ArrayNode sort = Dsl.JSON.arrayNode();
    switch (order) {
      case RELEVANCE -> sort.addObject().put("_score", "desc");
      case NEWEST ->
          sort.addObject()
              .putObject(OpenSearchSchema.DATE)
              .put("order", "desc")
              .put("missing", "_last");
      case OLDEST ->
          sort.addObject()
              .putObject(OpenSearchSchema.DATE)
              .put("order", "asc")
              .put("missing", "_last");
    }
    sort.addObject().put(OpenSearchSchema.ID, "asc");
    return sort;
  }

  /** The sort values of a hit as the embedded engine's cursor holds them. */
  private static FieldDoc fieldDoc(SortOrder order, JsonNode sort) {
    Object first =
        order == SortOrder.RELEVANCE
            ? (Object) (float) sort.get(0).asDouble()
            : (Object) sort.get(0).asLong();
    return new FieldDoc(0, Float.NaN, new Object[] {first, new BytesRef(sort.get(1).asText())});
  }

  private static ArrayNode searchAfter(SortOrder order, FieldDoc after) {
    ArrayNode a = Dsl.JSON.arrayNode();
    if (order == SortOrder.RELEVANCE) a.add((Float) after.fields[0]);
    else a.add((Long) after.fields[0]);
    a.add(((BytesRef) after.fields[1]).utf8ToString());
    return a;
  }

  private static List<String> dims(SearchRequest r) {
    if (r.facets() == null) return Facets.ALL;
    return Facets.ALL.stream().filter(r.facets()::contains).toList();
  }

  /** Whether a word of {@code field} starts with {@code exactTerm} (a prefix to expand at all). */
  private boolean anyStartsWith(String field, String exactTerm) {
    ObjectNode body = client.object();
    body.put("size", 0).put("terminate_after", 1).put("track_total_hits", 1);
    body.set("query", Dsl.prefix(field, exactTerm, 0));
    try {
      return client
              .send("POST", "/" + index + "/_search", Map.of(), body)
              .path("hits")
              .path("total")
              .path("value")
              .asLong()
          > 0;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The indexed spellings of an author's name, compared case- and accent-insensitively. */
  private List<String> spellings(String name) {
    String folded = Fold.of(name.strip());
    ObjectNode body = client.object();
    body.put("size", 0);
    body.set("query", Dsl.term(OpenSearchSchema.AUTHOR_FOLDED, folded));
    ObjectNode terms = body.putObject("aggs").putObject("names").putObject("terms");
    terms.put("field", OpenSearchSchema.facetField(Facets.AUTHOR)).put("size", 1_000);
    terms.putArray("order").addObject().put("_count", "desc");
    List<String> out = new ArrayList<>();
    try {
      JsonNode buckets =
          client
              .send("POST", "/" + index + "/_search", Map.of(), body)
              .path("aggregations")
              .path("names")
              .path("buckets");
      for (JsonNode b : buckets) {
        String label = b.path("key").asText();
        if (Fold.of(label).equals(folded)) out.add(label);
      }
    } catch (IOException e) {
      throw failure(e);
    }
    return out;
  }

  @Override
  public Optional<Paper> paper(String id) {
    if (id == null || id.isBlank()) return Optional.empty();
    ObjectNode q = QueryMapper.id(id);
    if (q == null) return Optional.empty();
    ObjectNode body = client.object();
    body.put("size", 1);
    body.set("query", q);
    body.putArray("_source").add(OpenSearchSchema.PAPER);
    try {
      JsonNode hits =
          client.send("POST", "/" + index + "/_search", Map.of(), body).path("hits").path("hits");
      return hits.isEmpty()
          ? Optional.empty()
          : Optional.of(OpenSearchSchema.paper(hits.get(0).path("_source")));
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The documents of a result's hits in one request (they are found by their own ids). */
  @Override
  public List<Paper> papers(List<String> ids) {
    if (ids.isEmpty()) return List.of();
    ObjectNode body = client.object();
    body.put("size", ids.size());
    ArrayNode terms = body.putObject("query").putObject("terms").putArray(OpenSearchSchema.ID);
    ids.forEach(terms::add);
    body.putArray("_source").add(OpenSearchSchema.PAPER);
    try {
      Map<String, Paper> byId = new LinkedHashMap<>();
      for (JsonNode h :
          client.send("POST", "/" + index + "/_search", Map.of(), body).path("hits").path("hits")) {
        Paper p = OpenSearchSchema.paper(h.path("_source"));
        byId.put(p.id(), p);
      }
      return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public List<Hit> similar(String id, int size) {
    int n = clamp(size, MAX_LIST, "size");
    Optional<Paper> paper = paper(id);
    if (paper.isEmpty()) return List.of();
    try {
      return new Similar(client, index).find(paper.get(), n);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    int n = clamp(size, MAX_LIST, "size");
    try {
      return new Completions(new OpenSearchCompletions(client, index)).suggest(prefix, n);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public FacetResult facetValues(String dim, String prefix, int size) {
    if (!Facets.ALL.contains(dim)) {
      throw new InvalidRequestException(
          "facet", "unknown_facet", "unknown facet '" + dim + "'; facets are " + Facets.ALL);
    }
    int n = clamp(size, MAX_FACET_VALUES, "size");
    try {
      return OpenSearchFacets.allValues(
          client, index, sourceLabels, dim, prefix == null ? "" : prefix, n);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public IndexStats stats() {
    ObjectNode body = client.object();
    body.put("size", 0).put("track_total_hits", true);
    body.putObject("aggs")
        .putObject("types")
        .putObject("terms")
        .put("field", OpenSearchSchema.facetField(Facets.TYPE))
        .put("size", 100);
    try {
      JsonNode r = client.send("POST", "/" + index + "/_search", Map.of(), body);
      Map<String, Long> perType = new LinkedHashMap<>();
      for (JsonNode b : r.path("aggregations").path("types").path("buckets")) {
        perType.put(b.path("key").asText(), b.path("doc_count").asLong());
      }
      JsonNode mapping = client.get("/" + index + "/_mapping", Map.of());
      String run = null;
      for (JsonNode m : mapping) {
        run = m.path("mappings").path("_meta").path("abstracta_run").asText(null);
      }
      return new IndexStats(r.path("hits").path("total").path("value").asLong(), perType, run, 0);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private static int clamp(int size, int max, String parameter) {
    if (size < 1 || size > max) {
      throw new InvalidRequestException(
          parameter, "invalid_parameter", parameter + " must be between 1 and " + max);
    }
    return size;
  }

  /** The label of a flat facet value, as the embedded engine labels it. */
  static String label(String dim, String value) {
    return FacetCounter.label(dim, value);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
