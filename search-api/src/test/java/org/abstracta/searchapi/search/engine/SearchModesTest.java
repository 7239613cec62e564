package org.abstracta.searchapi.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.InferredSubject;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.FacetResult.FacetValue;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.IndexStats;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.MeaningIndex;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;

/**
 * Keyword, semantic and hybrid search with the real model over {@link MeaningIndex}: what each mode
 * finds and counts, the fusion as documented, filters in every mode, the default mode, falling back
 * to keywords, similar papers by meaning, inferred subjects and the vector count.
 */
class SearchModesTest {
  private static final IndexSearchService SERVICE = MeaningIndex.service();

  private static final Set<String> ASTRO = Set.of("2401.00005", "2401.00006", "2401.00007");

  private static SearchResult search(
      String q, SearchMode mode, Map<String, List<String>> filters, int size, boolean explain) {
    return SERVICE.search(
        new SearchRequest(
            q, filters, SortOrder.RELEVANCE, 1, size, null, null, explain, true, mode));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  /** Every paper's vector as the stage stored it (the raw floats), by id. */
  private static Map<String, float[]> storedVectors() throws IOException {
    String field = MeaningIndex.model().model().field();
    Map<String, float[]> out = new HashMap<>();
    try (FSDirectory dir = FSDirectory.open(MeaningIndex.shared());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live != null && !live.get(d)) continue;
          Paper p = PaperDocuments.load(leaf.reader().storedFields(), d);
          float[] v = PaperDocuments.vectors(leaf.reader(), d).get(field);
          if (v != null) out.put(p.id(), v);
        }
      }
    }
    return out;
  }

  /** The papers by exact cosine similarity to {@code v}, nearest first, with it. */
  private static LinkedHashMap<String, Float> byCosine(float[] v, Map<String, float[]> vectors) {
    List<Map.Entry<String, Float>> all = new ArrayList<>();
    for (Map.Entry<String, float[]> e : vectors.entrySet()) {
      float dot = 0;
      for (int i = 0; i < v.length; i++) dot += v[i] * e.getValue()[i];
      all.add(Map.entry(e.getKey(), dot));
    }
    all.sort(Map.Entry.<String, Float>comparingByValue().reversed());
    LinkedHashMap<String, Float> out = new LinkedHashMap<>();
    for (Map.Entry<String, Float> e : all) out.put(e.getKey(), e.getValue());
    return out;
  }

  private static FacetValue value(SearchResult r, String dim, String value) {
    for (FacetResult f : r.facets()) {
      if (!f.dim().equals(dim)) continue;
      for (FacetValue v : f.values()) {
        if (v.value().equals(value)) return v;
        for (FacetValue c : v.children()) if (c.value().equals(value)) return c;
      }
    }
    return null;
  }

  @Test
  void semantic_mode_ranks_every_paper_with_a_vector_by_its_cosine_to_the_query()
      throws IOException {
    String q = "a robot learns to walk on rough ground";
    SearchResult r = search(q, SearchMode.SEMANTIC, Map.of(), 20, false);
    assertEquals(SearchMode.SEMANTIC, r.mode());
    assertNull(r.modeNote());
    assertEquals(MeaningIndex.WITH_VECTORS, r.total());
    assertTrue(r.totalExact());
    LinkedHashMap<String, Float> exact =
        byCosine(MeaningIndex.model().embedQuery(q), storedVectors());
    assertEquals(exact.keySet(), new HashSet<>(ids(r)));
    assertEquals("2401.00002", ids(r).getFirst()); // legged locomotion over rough terrain
    assertEquals(exact.keySet().iterator().next(), ids(r).getFirst());
    float previous = Float.MAX_VALUE;
    for (Hit h : r.hits()) {
      assertEquals(exact.get(h.id()), h.score(), 0.01, h.id()); // int8 codes: about the cosine
      assertTrue(h.score() <= previous, "sorted by similarity");
      previous = h.score();
    }
    assertFalse(ids(r).contains(MeaningIndex.LATE), "a paper without a vector is not found");
    assertNull(r.nextCursor(), "a ranking by meaning pages with page");
  }

  @Test
  void semantic_search_applies_filters_and_counts_each_facet_without_its_own_filter() {
    SearchResult r =
        search(
            "how do stars form in small galaxies",
            SearchMode.SEMANTIC,
            Map.of("subject", List.of("astro-ph.GA")),
            10,
            false);
    assertEquals(ASTRO, new HashSet<>(ids(r)));
    assertEquals("2401.00005", ids(r).getFirst()); // star formation in dwarf galaxies
    assertEquals(3, r.total());
    // The subject facet ignores the subject filter: the nearest papers of the whole index (all 12
    // with a vector), the talk counted under cs as inferred.
    assertEquals(6, value(r, "subject", "cs").count());
    assertEquals(1, value(r, "subject", "cs").inferred());
    assertEquals(3, value(r, "subject", "astro-ph").count());
    assertEquals(3, value(r, "subject", "q-bio").count());
    assertTrue(value(r, "subject", "astro-ph.GA").selected());
  }

  @Test
  void hybrid_mode_fuses_the_keyword_and_vector_rankings_as_documented() {
    String q = "Which robots learn to grasp objects from human demonstrations?";
    SearchResult keyword = search(q, SearchMode.KEYWORD, Map.of(), 100, false);
    SearchResult semantic = search(q, SearchMode.SEMANTIC, Map.of(), 100, false);
    SearchResult hybrid = search(q, SearchMode.HYBRID, Map.of(), 100, true);
    assertEquals(SearchMode.HYBRID, hybrid.mode());

    // min-max over each side, 0.6 on meaning; a side that did not find a paper counts 0.
    Map<String, Double> expected = new HashMap<>();
    addScaled(expected, keyword.hits(), 0.4);
    addScaled(expected, semantic.hits(), 0.6);
    List<String> order = new ArrayList<>(expected.keySet());
    order.sort(Comparator.comparing((String id) -> expected.get(id)).reversed());
    assertEquals(order, ids(hybrid));
    for (Hit h : hybrid.hits()) assertEquals(expected.get(h.id()), h.score(), 1e-4, h.id());
    assertEquals(expected.size(), hybrid.total(), "the keyword matches and the nearest papers");
    // Without facets the same total is counted apart (keyword matches + nearest − both).
    SearchResult noFacets =
        SERVICE.search(
            new SearchRequest(
                q,
                Map.of(),
                SortOrder.RELEVANCE,
                1,
                100,
                null,
                Set.of(),
                false,
                true,
                SearchMode.HYBRID));
    assertEquals(hybrid.total(), noFacets.total());
    assertTrue(noFacets.totalExact());
    assertEquals(ids(hybrid), ids(noFacets));

    List<String> byKeywords = ids(keyword);
    List<String> byMeaning = ids(semantic);
    for (Hit h : hybrid.hits()) {
      Hit.Ranking r = h.ranking();
      assertNotNull(r, h.id());
      int k = byKeywords.indexOf(h.id());
      int v = byMeaning.indexOf(h.id());
      assertEquals(k < 0 ? null : k + 1, r.keywordRank(), h.id());
      assertEquals(v < 0 ? null : v + 1, r.vectorRank(), h.id());
      assertEquals(h.score(), r.score());
      assertTrue(h.explanation().startsWith("found by "), h.explanation());
      assertTrue(h.explanation().contains("fused score"), h.explanation());
    }
    Hit first = hybrid.hits().getFirst();
    assertEquals("2401.00001", first.id()); // grasping from human demonstrations
    assertTrue(
        first.explanation().contains("keywords (rank 1")
            && first.explanation().contains("meaning (rank 1"),
        first.explanation());
  }

  private static void addScaled(Map<String, Double> fused, List<Hit> ranked, double weight) {
    double max = ranked.getFirst().score();
    double min = ranked.getLast().score();
    for (Hit h : ranked) {
      double scaled = max > min ? (h.score() - min) / (max - min) : 1;
      fused.merge(h.id(), weight * scaled, Double::sum);
    }
  }

  @Test
  void a_paper_without_a_vector_is_found_by_its_words_in_hybrid_mode_only() {
    String q = "robot arms fold towels and shirts";
    assertTrue(ids(search(q, SearchMode.HYBRID, Map.of(), 20, false)).contains(MeaningIndex.LATE));
    assertFalse(
        ids(search(q, SearchMode.SEMANTIC, Map.of(), 20, false)).contains(MeaningIndex.LATE));
    Hit late =
        search(q, SearchMode.HYBRID, Map.of(), 20, true).hits().stream()
            .filter(h -> h.id().equals(MeaningIndex.LATE))
            .findFirst()
            .orElseThrow();
    assertEquals(1, late.ranking().keywordRank());
    assertNull(late.ranking().vectorRank());
  }

  @Test
  void the_default_is_hybrid_for_a_sentence_and_keyword_for_keywords() {
    assertEquals(
        SearchMode.HYBRID, SERVICE.search(SearchRequest.of("How do galaxies form stars?")).mode());
    assertEquals(SearchMode.KEYWORD, SERVICE.search(SearchRequest.of("galaxies")).mode());
    assertEquals(SearchMode.KEYWORD, SERVICE.search(SearchRequest.of("")).mode());
    assertNull(SERVICE.search(SearchRequest.of("galaxies")).modeNote());
  }

  @Test
  void without_vectors_or_words_to_embed_a_search_runs_by_keywords_and_says_why_if_asked() {
    SearchResult seed =
        SeedIndex.service()
            .search(SearchRequest.of("reward models for robots").withMode(SearchMode.SEMANTIC));
    assertEquals(SearchMode.KEYWORD, seed.mode());
    assertTrue(seed.modeNote().contains("no vectors"), seed.modeNote());
    assertTrue(seed.total() > 0);
    SearchResult byDefault =
        SeedIndex.service().search(SearchRequest.of("Can robots learn from human videos?"));
    assertEquals(SearchMode.KEYWORD, byDefault.mode());
    assertNull(byDefault.modeNote(), "the default falls back silently");

    SearchResult empty = search("", SearchMode.HYBRID, Map.of(), 10, false);
    assertEquals(SearchMode.KEYWORD, empty.mode());
    assertEquals(MeaningIndex.DOCUMENTS, empty.total());
    assertTrue(empty.modeNote().contains("empty query"), empty.modeNote());
    SearchResult onlyFilter = search("subject:cs.RO", SearchMode.SEMANTIC, Map.of(), 10, false);
    assertEquals(SearchMode.KEYWORD, onlyFilter.mode());
  }

  @Test
  void semantic_results_page_with_page_not_cursor() {
    String q = "genome sequencing of cells";
    List<String> all = ids(search(q, SearchMode.SEMANTIC, Map.of(), 20, false));
    SearchResult second =
        SERVICE.search(
            new SearchRequest(
                q,
                Map.of(),
                SortOrder.RELEVANCE,
                2,
                5,
                null,
                Set.of(),
                false,
                true,
                SearchMode.SEMANTIC));
    assertEquals(all.subList(5, 10), ids(second));
    assertEquals(MeaningIndex.WITH_VECTORS, second.total());
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                SERVICE.search(
                    new SearchRequest(
                        q,
                        Map.of(),
                        SortOrder.RELEVANCE,
                        1,
                        5,
                        "abc",
                        Set.of(),
                        false,
                        true,
                        SearchMode.SEMANTIC)));
    assertEquals("cursor", e.parameter());
  }

  @Test
  void sorted_by_date_a_semantic_search_lists_the_same_papers() {
    String q = "genome sequencing of cells";
    SearchResult newest =
        SERVICE.search(
            new SearchRequest(
                q,
                Map.of(),
                SortOrder.NEWEST,
                1,
                20,
                null,
                Set.of(),
                false,
                true,
                SearchMode.SEMANTIC));
    assertEquals(
        new HashSet<>(ids(search(q, SearchMode.SEMANTIC, Map.of(), 20, false))),
        new HashSet<>(ids(newest)));
  }

  @Test
  void similar_papers_are_the_nearest_by_meaning_and_more_like_this_without_a_vector()
      throws IOException {
    Map<String, float[]> vectors = storedVectors();
    LinkedHashMap<String, Float> exact = byCosine(vectors.get("2401.00005"), vectors);
    exact.remove("2401.00005");
    List<Hit> similar = SERVICE.similar("2401.00005", 3);
    assertEquals(3, similar.size());
    assertTrue(ASTRO.containsAll(similar.subList(0, 2).stream().map(Hit::id).toList()));
    assertEquals(exact.keySet().iterator().next(), similar.getFirst().id());
    for (Hit h : similar) assertEquals(exact.get(h.id()), h.score(), 0.01, h.id());

    List<Hit> byWords = SERVICE.similar(MeaningIndex.LATE, 3);
    assertFalse(byWords.isEmpty(), "more-like-this finds papers sharing its words");
    assertFalse(byWords.stream().anyMatch(h -> h.id().equals(MeaningIndex.LATE)));
  }

  @Test
  void inferred_subjects_are_on_hits_filter_and_are_counted_apart_in_the_subject_facet() {
    SearchResult talk = search("robot hands", SearchMode.KEYWORD, Map.of(), 10, false);
    Hit hit =
        talk.hits().stream()
            .filter(h -> h.id().equals(MeaningIndex.TALK))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(), hit.subjects());
    assertEquals(
        List.of("cs.RO", "cs.LG"),
        hit.inferredSubjects().stream().map(InferredSubject::code).toList());

    SearchResult robotics =
        search("", SearchMode.KEYWORD, Map.of("subject", List.of("cs.RO")), 20, false);
    // Four labelled robotics papers, the late one, and the talk inferred to be one.
    assertEquals(6, robotics.total());
    assertTrue(ids(robotics).contains(MeaningIndex.TALK));
    assertEquals(7, value(robotics, "subject", "cs").count());
    assertEquals(1, value(robotics, "subject", "cs").inferred());
    assertEquals(6, value(robotics, "subject", "cs.RO").count());
    assertEquals(1, value(robotics, "subject", "cs.RO").inferred());
    assertEquals(0, value(robotics, "subject", "cs.CL").inferred());
  }

  @Test
  void stats_count_the_papers_with_vectors() {
    IndexStats stats = SERVICE.stats();
    assertEquals(MeaningIndex.DOCUMENTS, stats.documents());
    assertEquals(MeaningIndex.WITH_VECTORS, stats.withVectors());
    assertEquals("BAAI/bge-small-en-v1.5", stats.vectorModel());
    assertEquals(0, SeedIndex.service().stats().withVectors());
    assertNull(SeedIndex.service().stats().vectorModel());
  }
}
