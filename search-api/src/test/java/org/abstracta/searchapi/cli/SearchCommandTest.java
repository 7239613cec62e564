package org.abstracta.searchapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.abstracta.searchapi.search.SeedIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchCommandTest {
  static Path index;

  @BeforeAll
  static void useTheSeedIndex() throws Exception {
    index = SeedIndex.shared();
  }

  @Test
  void search_prints_ranked_results_with_title_authors_date_and_id() {
    CliRun run = CliRun.of("search", "\"epistemic", "injustice\"", "--index", index.toString());
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().split("\\R");
    assertTrue(
        lines[0].matches("\\d+ results? for \"\"epistemic injustice\"\" \\(.+ ms\\).*"), lines[0]);
    assertEquals("  1. Epistemic Injustice in Generative AI", lines[2]);
    assertTrue(lines[3].strip().endsWith("2024-08-21 · t-ee369f20e7662e54"), lines[3]);
  }

  @Test
  void filters_are_the_apis_filters() {
    CliRun run =
        CliRun.of("search", "--index", index.toString(), "--subject", "cs.RO", "--size", "100");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("7 results for all documents"), run.out());
    assertEquals(7, run.out().lines().filter(l -> l.matches("\\s+\\d+\\. .*")).count());
  }

  @Test
  void json_prints_the_api_response_with_facets() throws Exception {
    CliRun run = CliRun.of("search", "--index", index.toString(), "--year", "2019..2020", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode body = new ObjectMapper().readTree(run.out());
    assertEquals(6, body.get("total").asLong());
    assertEquals(6, body.get("hits").size());
    assertTrue(body.get("facets").has("subject"));
  }

  @Test
  void a_query_with_no_hits_says_what_would_find_papers() {
    String index = SearchCommandTest.index.toString();
    CliRun typed = CliRun.of("search", "\"reward model\" year:2007", "--index", index);
    assertEquals(0, typed.exitCode(), typed.err());
    assertEquals(
        List.of(
            "These would find papers:",
            "  5 without year:2007 in the query: abstracta search '\"reward model\"'"),
        typed.out().lines().skip(1).toList());
    CliRun both =
        CliRun.of("search", "\"reward model\" year:2007", "--type", "talk", "--index", index);
    assertEquals(
        List.of(
            "These would find papers:",
            "  5 without any filter: abstracta search '\"reward model\"'"),
        both.out().lines().skip(1).toList());
  }

  @Test
  void a_query_with_no_hits_says_so_and_succeeds() {
    CliRun run = CliRun.of("search", "zzzxqqy", "--index", index.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("0 results for \"zzzxqqy\""), run.out());
  }
}
