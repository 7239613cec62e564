package org.abstracta.searchapi.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.Suggestion;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden query table, answered by both backends over the same documents (the seed corpus and
 * the query-meaning fixture, indexed by the real indexer into an embedded index and into the
 * build's 2-node cluster with 2 shards and 1 replica): the same total, the same facet counts (every
 * value, label and selection), the same filters read from the query, and the same hits in the same
 * order with the same scores (to float rounding).
 */
class BackendParityIT {
  @TempDir static Path dir;
  static IndexSearchService embedded;
  static OpenSearchSearchService cluster;

  @BeforeAll
  static void index() throws Exception {
    Path fixture = Path.of(BackendParityIT.class.getResource("/query-meaning").toURI());
    Path index = dir.resolve("index");
    SeedIndex.index(index, SeedIndex.corpus(), fixture);
    embedded = IndexSearchService.open(index);
    OpenSearchTarget target = OpenSearchCluster.target("parity");
    OpenSearchCluster.index(target, SeedIndex.corpus(), fixture);
    cluster = OpenSearchSearchService.open(target);
  }

  @AfterAll
  static void close() throws Exception {
    embedded.close();
    cluster.close();
  }

  /**
   * One row: a query with its URL filters, sort and page size.
   *
   * @param scores whether the scores must agree too (see {@link #fuzzy})
   */
  record Case(
      String q, Map<String, List<String>> filters, SortOrder sort, int size, boolean scores) {
    Case(String q, Map<String, List<String>> filters, SortOrder sort, int size) {
      this(q, filters, sort, size, true);
    }

    SearchRequest request() {
      return new SearchRequest(q, filters, sort, 1, size, null, null, false, false);
    }

    @Override
    public String toString() {
      return q
          + (filters.isEmpty() ? "" : " " + filters)
          + (sort == SortOrder.RELEVANCE ? "" : " " + sort);
    }
  }

  static Case q(String q) {
    return new Case(q, Map.of(), SortOrder.RELEVANCE, 10);
  }

  /**
   * A fuzzy word: the same papers in the same order here, but not the same scores. Lucene scores a
   * fuzzy word's expansions as one blended term (each with the largest document frequency among
   * them); with a DFS phase, OpenSearch records each expansion's blended frequency per shard and
   * sums them over the shards, so expansions weigh differently (docs/opensearch.md).
   */
  static Case fuzzy(String q) {
    return new Case(q, Map.of(), SortOrder.RELEVANCE, 10, false);
  }

  static Case q(String q, String dim, String... values) {
    return new Case(q, Map.of(dim, List.of(values)), SortOrder.RELEVANCE, 10);
  }

  static Stream<Arguments> table() {
    List<Case> cases =
        new ArrayList<>(
            List.of(
                q(""),
                q("epistemic injustice"),
                q("\"epistemic injustice\""),
                q("author:\"Jackie Kay\""),
                q("", "subject", "cs.RO"),
                q("", "year", "2019..2020"),
                q("reinforcement learning"),
                q("large language model"),
                q("+large +language +model"),
                q("\"reward model\""),
                q("\"reward model\"~3"),
                q("\"reward model\" year:2023..2025"),
                q("\"reward model\" year:2007"),
                q("\"reward model\" subject:cs"),
                q("reward subject:cs.RO"),
                q("galaxy OR capsule"),
                q("reward ensembles OR demonstrations"),
                q("diffusion policy OR planning"),
                q("title:transformer author:Hinton"),
                q("author:Hinton"),
                q("author:\"Geoffrey Hinton\""),
                q("author:\"Hinton Geoffrey\""),
                q("transformer NOT author:Hinton"),
                q("transformer (subject:astro-ph OR subject:cs.CV)"),
                q("(type:paper AND year:2023) large"),
                q("galaxy capsule"),
                q("galaxy telescope capsule"),
                q("robot -simulation"),
                q("safety AND (alignment OR fairness)"),
                q("abstract:safety"),
                q("non-invasive"),
                q("state-of-the-art"),
                q("the who"),
                q("2301.00001"),
                q("reinforcment"),
                q("reinforcment learning"),
                q("grpah neural netwrok"),
                q("difusion modles"),
                q("\"difusion modles\""),
                q("langauge model"),
                q("reinforc*"),
                fuzzy("transfromer~"),
                fuzzy("langauge~1 model"),
                q("type:talk"),
                q("hasCode:true robot"),
                q("language model", "subject", "cs.LG", "cs.CL"),
                q("language model", "author", "Typo Writer"),
                q("model", "type", "paper"),
                q("learning", "year", "2023", "2024..2025"),
                q(
                    "Large language models can be aligned with human feedback to follow instructions."),
                q("How do transformers study attention heads?"),
                new Case("model", Map.of(), SortOrder.NEWEST, 20),
                new Case("model", Map.of(), SortOrder.OLDEST, 20),
                new Case("", Map.of(), SortOrder.OLDEST, 100),
                // Nothing found: the searches with one change that would find something.
                q("\"policy reward\""),
                q("epistemik"),
                q("\"reward model\"", "year", "2007"),
                new Case(
                    "\"reward model\" subject:cs.RO",
                    Map.of("year", List.of("2007", "2008"), "type", List.of("talk")),
                    SortOrder.RELEVANCE,
                    10),
                // size=0: the total and facets only.
                new Case("reward", Map.of(), SortOrder.RELEVANCE, 0),
                // Sources by name, dates whose year was guessed.
                q("", "source", "Jackie Kay (author page)"),
                q("daily")));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void both_backends_answer_alike(Case c) {
    SearchResult e = embedded.search(c.request());
    SearchResult o = cluster.search(c.request());
    assertEquals(e.total(), o.total(), "total");
    assertEquals(e.totalExact(), o.totalExact(), "totalExact");
    assertEquals(e.matched(), o.matched(), "matched");
    assertEquals(e.queryFilters(), o.queryFilters(), "queryFilters");
    assertEquals(e.didYouMean(), o.didYouMean(), "didYouMean");
    assertEquals(e.correctedQuery(), o.correctedQuery(), "correctedQuery");
    assertEquals(e.facets(), o.facets(), "facets");
    assertEquals(e.recovery(), o.recovery(), "recovery");
    assertEquals(ids(e), ids(o), "hits");
    for (int i = 0; i < e.hits().size(); i++) {
      Hit a = e.hits().get(i);
      Hit b = o.hits().get(i);
      if (c.scores()) {
        assertEquals(a.score(), b.score(), Math.abs(a.score()) * 1e-4 + 1e-6, "score of " + a.id());
      }
      assertEquals(a.highlights(), b.highlights(), "highlights of " + a.id());
      assertEquals(unscored(a), unscored(b), "the rest of " + a.id());
    }
    assertEquals(e.nextCursor() == null, o.nextCursor() == null, "a next page");
  }

  /** Why each of the first hits scored, in words. */
  @ParameterizedTest(name = "[{index}] {0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "reinforcement learning",
        "\"reward model\" OR capsule",
        "galaxy telescope capsule",
        "How do transformers study attention heads?",
        "author:Hinton transformer"
      })
  void both_backends_explain_alike(String q) {
    SearchRequest r = new SearchRequest(q, Map.of(), SortOrder.RELEVANCE, 1, 5, null, null, true);
    assertEquals(
        embedded.search(r).hits().stream().map(Hit::explanation).toList(),
        cluster.search(r).hits().stream().map(Hit::explanation).toList());
  }

  /** Completions as the page and the box ask for them while a user types. */
  @ParameterizedTest(name = "[{index}] {0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"reinf", "reinforcement l", "Jackie", "epistemic inj", "diffusion ", "ka"})
  void both_backends_complete_alike(String typed) {
    List<Suggestion> e = embedded.suggest(typed, 8);
    List<Suggestion> o = cluster.suggest(typed, 8);
    assertEquals(kind(e, "term"), kind(o, "term"), "words");
    assertEquals(kind(e, "author"), kind(o, "author"), "authors");
    // Titles: as many; the same ones after complete words (in another order where scores tie:
    // the embedded index breaks ties by its document order). After a prefix they may differ: the
    // embedded engine scores a prefix as one pseudo-word, OpenSearch as blended terms.
    assertEquals(kind(e, "title").size(), kind(o, "title").size(), "titles");
    if (typed.endsWith(" ")) {
      assertEquals(Set.copyOf(kind(e, "title")), Set.copyOf(kind(o, "title")), "titles");
    }
  }

  private static List<Suggestion> kind(List<Suggestion> all, String kind) {
    return all.stream().filter(s -> s.kind().equals(kind)).toList();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"t-ee369f20e7662e54", "2301.00001"})
  void both_backends_find_the_same_similar_papers(String id) {
    assertEquals(
        embedded.similar(id, 5).stream().map(Hit::id).toList(),
        cluster.similar(id, 5).stream().map(Hit::id).toList());
  }

  /** A hit's fields but its score: what the paper says, which both stores hold alike. */
  private static Hit unscored(Hit h) {
    return new Hit(
        h.id(),
        0f,
        h.title(),
        h.authors(),
        h.subjects(),
        h.date(),
        h.type(),
        h.hasCode(),
        h.highlights(),
        null,
        h.yearInferred(),
        h.inferredSubjects(),
        null);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }
}
