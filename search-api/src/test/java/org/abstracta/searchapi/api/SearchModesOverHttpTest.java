package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.MeaningIndex;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every search mode over HTTP, on the real app over {@link MeaningIndex} with its own bundled model
 * (as {@code abstracta serve} runs it): the hits of each mode in the service's order, the mode
 * said, explanations with their sides, inferred subjects, similar papers and the vector count.
 */
class SearchModesOverHttpTest {
  private static final String SENTENCE = "Which robots learn to grasp objects from demonstrations?";

  static ApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ApiServer.over(MeaningIndex.shared());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode search(String params) {
    HttpResponse<String> r = server.get("/api/search?" + params);
    assertEquals(200, r.statusCode(), r.body());
    return json(r);
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode body) {
    List<String> out = new ArrayList<>();
    for (JsonNode h : body.get("hits")) out.add(h.get("id").asText());
    return out;
  }

  /** The ids the service itself finds in {@code mode}: the API adds nothing and drops nothing. */
  private static List<String> serviceIds(SearchMode mode) {
    return MeaningIndex.service().search(SearchRequest.of(SENTENCE).withMode(mode)).hits().stream()
        .map(Hit::id)
        .toList();
  }

  @Test
  void each_mode_answers_over_http_with_the_services_ranking_and_says_which_it_ran() {
    for (SearchMode mode : SearchMode.values()) {
      JsonNode body = search(q(SENTENCE) + "&mode=" + mode.value());
      assertEquals(mode.value(), body.get("mode").asText());
      assertFalse(body.has("modeNote"));
      assertEquals(serviceIds(mode), ids(body), mode.value());
    }
    JsonNode byDefault = search(q(SENTENCE));
    assertEquals("hybrid", byDefault.get("mode").asText());
    assertEquals(serviceIds(SearchMode.HYBRID), ids(byDefault));
    assertEquals("keyword", search("q=galaxies").get("mode").asText());
    assertEquals("2401.00001", ids(byDefault).getFirst());
  }

  @Test
  void a_filtered_semantic_search_finds_only_papers_that_pass_the_filter() {
    JsonNode body =
        search(q("how do stars form in small galaxies") + "&mode=semantic&subject=astro-ph");
    assertEquals(3, body.get("total").asInt());
    assertEquals(List.of("2401.00005"), ids(body).subList(0, 1));
  }

  @Test
  void explain_says_which_side_found_each_hit() {
    JsonNode hits = search(q(SENTENCE) + "&mode=hybrid&explain=true").get("hits");
    JsonNode first = hits.get(0);
    assertEquals(1, first.get("ranking").get("keywordRank").asInt());
    assertEquals(1, first.get("ranking").get("vectorRank").asInt());
    assertEquals(first.get("score").floatValue(), first.get("ranking").get("score").floatValue());
    assertTrue(first.get("explanation").asText().startsWith("found by keywords"));
    boolean onlyByMeaning = false;
    for (JsonNode h : hits) {
      if (h.get("ranking").get("keywordRank").isNull()) {
        onlyByMeaning = true;
        assertTrue(h.get("explanation").asText().startsWith("found by meaning"), h.toString());
      }
    }
    assertTrue(onlyByMeaning, "a sentence's nearest papers include some without its words");
    assertFalse(search(q(SENTENCE) + "&mode=hybrid").get("hits").get(0).has("ranking"));
  }

  @Test
  void a_bad_mode_is_a_400_naming_it() {
    HttpResponse<String> r = server.get("/api/search?q=robots&mode=fuzzy");
    assertEquals(400, r.statusCode());
    assertEquals("mode", json(r).get("parameter").asText());
    assertTrue(json(r).get("message").asText().contains("keyword, semantic, hybrid"));
  }

  @Test
  void inferred_subjects_show_on_hits_papers_and_the_subject_facet() {
    JsonNode body = search("q=robot+hands&subject=cs.RO");
    JsonNode talk = null;
    for (JsonNode h : body.get("hits"))
      if (h.get("id").asText().equals(MeaningIndex.TALK)) talk = h;
    assertTrue(talk != null, body.toString());
    assertEquals(0, talk.get("subjects").size());
    assertEquals("cs.RO", talk.get("inferredSubjects").get(0).get("code").asText());
    assertTrue(talk.get("inferredSubjects").get(0).get("confidence").asDouble() > 0.9);
    JsonNode cs = body.get("facets").get("subject").get(0);
    assertEquals("cs", cs.get("value").asText());
    assertEquals(1, cs.get("inferred").asInt());
    JsonNode paper = json(server.get("/api/papers/" + MeaningIndex.TALK));
    assertEquals("cs.LG", paper.get("inferredSubjects").get(1).get("code").asText());
    assertFalse(search("q=galaxies").get("hits").get(0).has("inferredSubjects"));
  }

  @Test
  void similar_papers_and_stats_use_the_vectors() {
    JsonNode similar = json(server.get("/api/papers/2401.00005/similar?size=2"));
    for (JsonNode h : similar.get("hits")) {
      assertTrue(h.get("id").asText().matches("2401\\.0000[67]"), similar.toString());
    }
    JsonNode stats = json(server.get("/api/stats"));
    assertEquals(MeaningIndex.DOCUMENTS, stats.get("documents").asInt());
    assertEquals(MeaningIndex.WITH_VECTORS, stats.get("withVectors").asInt());
    assertEquals("BAAI/bge-small-en-v1.5", stats.get("vectorModel").asText());
  }
}
