package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real app over the real index of the bundled 90-document sample corpus: the acceptance checks
 * of the search API, over HTTP.
 */
class SeedIndexHttpTest {
  static final String EPISTEMIC_ID = "t-ee369f20e7662e54";

  static ApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ApiServer.overSeedIndex();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode search(String query) {
    HttpResponse<String> r = server.get("/api/search?" + query);
    assertEquals(200, r.statusCode(), r.body());
    return json(r);
  }

  static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void an_empty_query_finds_all_ninety_documents_and_stats_agree() {
    assertEquals(90, search("").get("total").asLong());
    assertEquals(90, json(server.get("/api/stats")).get("documents").asLong());
    assertEquals(90, json(server.get("/health")).get("documents").asLong());
  }

  @Test
  void sources_are_named_as_readers_know_them_with_the_file_as_detail() {
    JsonNode sources = search("size=0&facets=source").get("facets").get("source");
    java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (JsonNode v : sources) labels.put(v.get("value").asText(), v.get("label").asText());
    assertEquals(
        java.util.Map.of(
            "002_412977c996442bcb.txt", "Daily papers, Mar 11",
            "Jackie Kay (author page)", "Jackie Kay — author page",
            "Kelsey Allen (author page)", "Kelsey Allen — author page",
            "001_d84297069a174ee1.txt", "Daily papers, Oct 17",
            "004_eae0defd86aa440c.txt", "Talks.cam calendar"),
        labels);
    JsonNode paper = json(server.get("/api/papers/" + EPISTEMIC_ID));
    JsonNode source = paper.get("sources").get(0);
    assertEquals("000_21cd7a5341c6c0d1.txt", source.get("file").asText());
    assertEquals("Jackie Kay — author page", source.get("label").asText());
  }

  @Test
  void a_phrase_finds_its_paper_first_with_marked_highlights() {
    JsonNode first = search(q("\"epistemic injustice\"")).get("hits").get(0);
    assertEquals("Epistemic Injustice in Generative AI", first.get("title").asText());
    assertEquals(EPISTEMIC_ID, first.get("id").asText());
    assertTrue(first.get("highlights").get("title").asText().contains("<mark>"), first.toString());
  }

  @Test
  void an_author_query_counts_every_paper_of_that_author() {
    assertEquals(19, search(q("author:\"Jackie Kay\"")).get("total").asLong());
  }

  @Test
  void a_subject_filter_narrows_hits_while_its_facet_still_counts_other_subjects() {
    JsonNode body = search("subject=cs.RO");
    assertEquals(7, body.get("total").asLong());
    JsonNode cs = null;
    for (JsonNode v : body.get("facets").get("subject"))
      if (v.get("value").asText().equals("cs")) cs = v;
    assertTrue(cs != null, body.get("facets").toString());
    long lg = -1;
    boolean roSelected = false;
    for (JsonNode c : cs.get("children")) {
      if (c.get("value").asText().equals("cs.LG")) lg = c.get("count").asLong();
      if (c.get("value").asText().equals("cs.RO")) roSelected = c.get("selected").asBoolean();
    }
    assertEquals(7, lg);
    assertTrue(roSelected);
  }

  @Test
  void a_year_range_filter_counts_exactly() {
    assertEquals(6, search("year=2019..2020").get("total").asLong());
  }

  @Test
  void a_misspelled_query_suggests_the_right_spelling() {
    assertEquals("reinforcement", search(q("reinforcment")).get("didYouMean").asText());
  }

  @Test
  void suggest_completes_a_prefix() {
    JsonNode s = json(server.get("/api/suggest?q=reinf")).get("suggestions");
    boolean found = false;
    for (JsonNode x : s) found |= x.get("text").asText().toLowerCase().startsWith("reinforcement");
    assertTrue(found, s.toString());
  }

  @Test
  void an_unbalanced_quote_is_read_leniently() {
    assertTrue(search(q("\"reward model")).get("total").asLong() > 0);
  }

  @Test
  void bad_sizes_are_400s_from_the_real_app_too() {
    assertEquals(400, server.get("/api/search?size=abc").statusCode());
    assertEquals(400, server.get("/api/search?size=1000").statusCode());
  }

  @Test
  void a_paper_and_its_similar_papers_are_served_by_id() {
    JsonNode paper = json(server.get("/api/papers/" + EPISTEMIC_ID));
    assertEquals("Epistemic Injustice in Generative AI", paper.get("title").asText());
    assertFalse(paper.get("abstract").asText().isBlank());
    JsonNode similar = json(server.get("/api/papers/" + EPISTEMIC_ID + "/similar?size=3"));
    assertEquals(3, similar.get("hits").size());
    for (JsonNode h : similar.get("hits")) assertFalse(h.get("id").asText().equals(EPISTEMIC_ID));
    assertEquals(404, server.get("/api/papers/no-such-paper").statusCode());
  }

  @Test
  void the_author_facet_lists_values_by_prefix() {
    JsonNode values = json(server.get("/api/facets/author?prefix=Jackie")).get("values");
    assertEquals("Jackie Kay", values.get(0).get("value").asText());
    assertEquals(19, values.get(0).get("count").asLong());
  }

  @Test
  void sorting_by_date_and_paging_with_the_cursor_walk_every_document_once() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode body =
          search(
              "sort=newest&size=25&facets=none"
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      for (JsonNode h : body.get("hits")) assertTrue(seen.add(h.get("id").asText()));
      cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(90, seen.size());
  }

  @Test
  void explain_says_in_words_why_a_hit_scored() {
    JsonNode hit = search(q("epistemic") + "&explain=true").get("hits").get(0);
    assertFalse(hit.get("explanation").asText().isBlank());
  }
}
