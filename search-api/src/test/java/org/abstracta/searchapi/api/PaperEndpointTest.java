package org.abstracta.searchapi.api;

import static org.abstracta.searchapi.api.ApiServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperEndpointTest {
  static ApiServer server;

  @BeforeAll
  static void start() {
    server = new ApiServer(new FakeSearchService());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_paper_is_sent_whole_in_the_document_model() {
    HttpResponse<String> r = server.get("/api/papers/2303.16212");
    assertEquals(200, r.statusCode());
    JsonNode p = json(r);
    assertEquals("2303.16212", p.get("id").asText());
    assertEquals("paper", p.get("type").asText());
    assertEquals("Epistemic Injustice in Generative AI", p.get("title").asText());
    assertEquals(
        "An abstract about epistemic injustice in generative ai.", p.get("abstract").asText());
    assertEquals("2023-03-28", p.get("date").asText());
    assertEquals("author-page", p.get("sources").get(0).get("format").asText());
    assertEquals("Machine Learning", p.get("subjects").get(1).get("label").asText());
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @CsvSource({
    "/api/papers/hep-ph/0701001, hep-ph/0701001",
    "/api/papers/hep-ph%2F0701001, hep-ph/0701001",
    "/api/papers/10.1234/abc.def, 10.1234/abc.def",
    "/api/papers/10.1234%2Fabc.def, 10.1234/abc.def",
    "/api/papers/arXiv:2303.16212, 2303.16212",
  })
  void ids_with_slashes_or_prefixes_reach_their_paper(String target, String id) {
    HttpResponse<String> r = server.get(target);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(id, json(r).get("id").asText());
  }

  @ParameterizedTest(name = "{0} lists papers like {1}")
  @CsvSource({
    "/api/papers/2303.16212/similar, 2303.16212",
    "/api/papers/hep-ph/0701001/similar, hep-ph/0701001",
    "/api/papers/hep-ph%2F0701001/similar, hep-ph/0701001",
    "/api/papers/10.1234/abc.def/similar?size=1, 10.1234/abc.def",
  })
  void similar_papers_are_hits_without_the_paper_itself(String target, String id) {
    HttpResponse<String> r = server.get(target);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertEquals(id, body.get("id").asText());
    List<String> ids = new ArrayList<>();
    body.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    assertFalse(ids.isEmpty());
    assertFalse(ids.contains(id));
    if (target.endsWith("size=1")) assertEquals(1, ids.size());
    assertEquals(
        List.of("id", "hits"), SearchEndpointTest.fieldNames(body), "same hit shape as search");
  }
}
