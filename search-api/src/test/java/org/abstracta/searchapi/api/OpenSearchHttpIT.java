package org.abstracta.searchapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.abstracta.searchapi.opensearch.OpenSearchCluster;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance checks of the search API ({@link SeedIndexHttpTest}), every one, answered by the
 * real app over the OpenSearch backend: the sample corpus indexed into the build's 2-node cluster
 * (2 shards, 1 replica) instead of the embedded index.
 */
class OpenSearchHttpIT extends SeedIndexHttpTest {
  @BeforeAll
  static void start() {
    server = ApiServer.owning(OpenSearchSearchService.open(OpenSearchCluster.seed()));
  }

  @Test
  void a_search_by_meaning_is_answered_by_keywords_and_says_why() {
    String sentence = q("Is generative AI a source of epistemic injustice?");
    for (String mode : new String[] {"hybrid", "semantic"}) {
      JsonNode body = search(sentence + "&mode=" + mode);
      assertEquals("keyword", body.get("mode").asText(), mode);
      assertEquals(
          "the OpenSearch backend ranks by keywords only: search by meaning needs the embedded"
              + " index's vectors",
          body.get("modeNote").asText(),
          mode);
      assertEquals(
          "Epistemic Injustice in Generative AI",
          body.get("hits").get(0).get("title").asText(),
          mode);
    }
    // Asked for nothing, a sentence is ranked by keywords without a note: the default applies.
    JsonNode plain = search(sentence);
    assertEquals("keyword", plain.get("mode").asText());
    assertNull(plain.get("modeNote"));
  }
}
