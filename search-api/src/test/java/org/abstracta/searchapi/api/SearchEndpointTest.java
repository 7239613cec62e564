package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchEndpointTest {
  static FakeSearchService fake;
  static ApiServer server;

  @BeforeAll
  static void start() {
    fake = new FakeSearchService();
    server = new ApiServer(fake);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void search_answers_with_the_documented_shape() {
    HttpResponse<String> r = server.get("/api/search?q=epistemic");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode body = json(r);
    assertEquals(
        List.of(
            "total",
            "totalRelation",
            "tookMs",
            "hits",
            "facets",
            "nextCursor",
            "didYouMean",
            "correctedQuery",
            "matched",
            "queryFilters",
            "partial",
            "recovery",
            "mode"),
        fieldNames(body));
    assertEquals("keyword", body.get("mode").asText());
    assertEquals(2, body.get("total").asLong());
    assertEquals(0.42, body.get("tookMs").asDouble());
    assertEquals("c2", body.get("nextCursor").asText());
    assertTrue(body.get("didYouMean").isNull());
    assertFalse(body.get("partial").asBoolean());

    JsonNode hit = body.get("hits").get(0);
    assertEquals(
        List.of(
            "id", "score", "title", "authors", "subjects", "date", "type", "hasCode", "highlights"),
        fieldNames(hit),
        "no explanation unless asked for");
    assertEquals("2303.16212", hit.get("id").asText());
    assertEquals(3.5, hit.get("score").asDouble());
    assertEquals("Epistemic Injustice in Generative AI", hit.get("title").asText());
    assertEquals("Jackie Kay", hit.get("authors").get(0).asText());
    assertEquals("cs.CY", hit.get("subjects").get(0).get("code").asText());
    assertEquals("Computers and Society", hit.get("subjects").get(0).get("label").asText());
    assertEquals("2023-03-28", hit.get("date").asText(), "dates are ISO strings");
    assertEquals("paper", hit.get("type").asText());
    assertFalse(hit.get("hasCode").asBoolean());
    assertEquals(
        "<mark>Epistemic Injustice in Generative AI</mark>",
        hit.get("highlights").get("title").asText());
    assertEquals("An abstract &amp; more", hit.get("highlights").get("abstract").asText());
  }

  @Test
  void a_score_that_is_not_a_number_is_sent_as_null_so_the_json_stays_valid() {
    JsonNode second = json(server.get("/api/search?sort=newest")).get("hits").get(1);
    assertTrue(second.get("score").isNull());
  }

  @Test
  void facets_come_keyed_by_dimension_with_labels_selection_and_subject_children() {
    JsonNode facets = json(server.get("/api/search?subject=cs.LG")).get("facets");
    assertEquals(List.of("subject", "year"), fieldNames(facets));
    JsonNode cs = facets.get("subject").get(0);
    assertEquals("cs", cs.get("value").asText());
    assertEquals("Computer Science", cs.get("label").asText());
    assertEquals(2, cs.get("count").asLong());
    assertFalse(cs.get("selected").asBoolean());
    JsonNode lg = cs.get("children").get(0);
    assertEquals("cs.LG", lg.get("value").asText());
    assertTrue(lg.get("selected").asBoolean());
    assertFalse(lg.has("children"), "a leaf has no children field");
    assertFalse(facets.get("year").get(1).has("children"));
  }

  @Test
  void every_search_parameter_is_parsed_into_the_request_record() {
    server.get(
        "/api/search?q=reward+model&subject=cs.LG&subject=cs.RO&year=2019..2023&author=Jackie%20Kay"
            + "&type=paper&source=000_seed.txt&hasCode=true&sort=oldest&page=2&size=5"
            + "&facets=subject,author&explain=true");
    SearchRequest r = fake.lastRequest.get();
    assertEquals("reward model", r.query());
    assertEquals(
        Map.of(
            "subject", List.of("cs.LG", "cs.RO"),
            "year", List.of("2019..2023"),
            "author", List.of("Jackie Kay"),
            "type", List.of("paper"),
            "source", List.of("000_seed.txt"),
            "hasCode", List.of("true")),
        r.filters());
    assertEquals(SortOrder.OLDEST, r.sort());
    assertEquals(2, r.page());
    assertEquals(5, r.size());
    assertEquals(Set.of("subject", "author"), r.facets());
    assertTrue(r.explain());
  }

  @Test
  void explain_adds_a_readable_explanation_to_each_hit() {
    JsonNode hit = json(server.get("/api/search?q=epistemic&explain=true")).get("hits").get(0);
    assertEquals("matched epistemic in the title", hit.get("explanation").asText());
  }

  @Test
  void a_cursor_is_passed_through_untouched() {
    server.get("/api/search?q=x&cursor=opaque%2Bvalue%3D%3D");
    assertEquals("opaque+value==", fake.lastRequest.get().cursor());
  }

  @Test
  void facets_none_asks_for_no_counts_and_gets_an_empty_object() {
    JsonNode body = json(server.get("/api/search?facets=none"));
    assertEquals(Set.of(), fake.lastRequest.get().facets());
    assertEquals(0, body.get("facets").size());
  }

  @Test
  void did_you_mean_is_sent_when_the_service_offers_one() {
    assertEquals(
        "epistemic", json(server.get("/api/search?q=epistemc")).get("didYouMean").asText());
  }

  @Test
  void malformed_query_syntax_is_passed_on_not_rejected() {
    HttpResponse<String> r = server.get("/api/search?q=%22reward+model");
    assertEquals(200, r.statusCode());
    assertEquals("\"reward model", fake.lastRequest.get().query());
  }

  @Test
  void head_answers_like_get_without_a_body() {
    HttpResponse<String> r = server.send("HEAD", "/api/search?q=x");
    assertEquals(200, r.statusCode());
    assertEquals("", r.body());
  }

  @Test
  void a_trailing_slash_reaches_the_same_route() {
    assertEquals(200, server.get("/api/search/?q=x").statusCode());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
