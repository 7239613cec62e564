package org.abstracta.searchapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchParamsTest {

  private static SearchRequest parse(Map<String, List<String>> params) {
    return SearchParams.parse(params);
  }

  @Test
  void no_parameters_give_the_documented_defaults() {
    SearchRequest r = parse(Map.of());
    assertEquals("", r.query());
    assertEquals(Map.of(), r.filters());
    assertEquals(SortOrder.RELEVANCE, r.sort());
    assertEquals(1, r.page());
    assertEquals(10, r.size());
    assertNull(r.cursor());
    assertNull(r.facets(), "null counts every facet");
    assertFalse(r.explain());
  }

  @Test
  void every_parameter_lands_in_the_request_record() {
    SearchRequest r =
        parse(
            Map.ofEntries(
                Map.entry("q", List.of("diffusion policy")),
                Map.entry("subject", List.of("cs.LG", "cs.RO")),
                Map.entry("year", List.of("2019..2023")),
                Map.entry("author", List.of("Smith, J.")),
                Map.entry("type", List.of("Paper")),
                Map.entry("source", List.of("000_x.txt")),
                Map.entry("hasCode", List.of("TRUE")),
                Map.entry("sort", List.of("Newest")),
                Map.entry("page", List.of("3")),
                Map.entry("size", List.of("25")),
                Map.entry("cursor", List.of("abc")),
                Map.entry("facets", List.of("subject, year")),
                Map.entry("explain", List.of("true"))));
    assertEquals("diffusion policy", r.query());
    assertEquals(List.of("cs.LG", "cs.RO"), r.filters().get("subject"));
    assertEquals(List.of("2019..2023"), r.filters().get("year"));
    assertEquals(List.of("Smith, J."), r.filters().get("author"), "an author's comma is kept");
    assertEquals(List.of("paper"), r.filters().get("type"));
    assertEquals(List.of("000_x.txt"), r.filters().get("source"));
    assertEquals(List.of("true"), r.filters().get("hasCode"));
    assertEquals(SortOrder.NEWEST, r.sort());
    assertEquals(3, r.page());
    assertEquals(25, r.size());
    assertEquals("abc", r.cursor());
    assertEquals(Set.of("subject", "year"), r.facets());
    assertTrue(r.explain());
  }

  @Test
  void blank_filter_values_select_nothing_and_duplicates_collapse() {
    SearchRequest r =
        parse(Map.of("subject", List.of("", " ", "cs.LG", "cs.LG"), "page", List.of("")));
    assertEquals(Map.of("subject", List.of("cs.LG")), r.filters());
    assertEquals(1, r.page());
  }

  @Test
  void mode_is_keyword_semantic_or_hybrid_in_any_case_and_absent_means_the_default() {
    assertEquals(null, parse(Map.of()).mode());
    assertEquals(null, parse(Map.of("mode", List.of(" "))).mode());
    assertEquals(SearchMode.KEYWORD, parse(Map.of("mode", List.of("keyword"))).mode());
    assertEquals(SearchMode.SEMANTIC, parse(Map.of("mode", List.of("Semantic"))).mode());
    assertEquals(SearchMode.HYBRID, parse(Map.of("mode", List.of(" HYBRID "))).mode());
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> parse(Map.of("mode", List.of("vector"))));
    assertEquals("mode", e.parameter());
  }

  @Test
  void facets_none_counts_no_facet() {
    assertEquals(Set.of(), parse(Map.of("facets", List.of("none"))).facets());
  }

  @ParameterizedTest(name = "{0}={1} is rejected naming {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "size|abc|size must be a whole number from 0 to 100",
        "size|1000|size must be a whole number from 0 to 100",
        "size|-5|size must be a whole number from 0 to 100",
        "size|2.5|size must be a whole number from 0 to 100",
        "size|99999999999999999999|size must be a whole number from 0 to 100",
        "page|0|page must be a whole number from 1 to 10000",
        "page|abc|page must be a whole number from 1 to 10000",
        "sort|best|sort must be one of relevance, newest, oldest",
        "explain|yes|explain must be true or false",
        "type|book|type must be paper or talk",
        "hasCode|yes|hasCode must be true or false",
        "year|20x|year must be a year (2023) or a range of years (2019..2023)",
        "year|2023..2019|year must be a year (2023) or a range of years (2019..2023)",
        // Found by HttpFuzzTest: accepted here, then refused by the search with another message.
        "year|5|year must be a year (2023) or a range of years (2019..2023)",
        "year|0..9999|year must be a year (2023) or a range of years (2019..2023)",
      })
  void an_invalid_value_is_rejected_with_a_message_naming_the_parameter(
      String name, String value, String message) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> parse(Map.of(name, List.of(value))));
    assertEquals(name, e.parameter());
    assertEquals("invalid_parameter", e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void a_filter_with_more_than_twenty_distinct_values_is_rejected_naming_it() {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < SearchRequest.MAX_FILTER_VALUES; i++) many.add("a" + i);
    many.add("a0"); // repeats count once
    assertEquals(20, parse(Map.of("author", many)).filters().get("author").size());
    many.add("a20");
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> parse(Map.of("author", many)));
    assertEquals("author", e.parameter());
    assertEquals("author takes at most 20 values", e.getMessage());
  }

  @Test
  void an_unknown_facet_name_is_rejected_naming_it() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> parse(Map.of("facets", List.of("subject,colour"))));
    assertEquals("facets", e.parameter());
    assertTrue(e.getMessage().contains("'colour' is not a facet"), e.getMessage());
  }

  @Test
  void paging_past_the_depth_limit_needs_a_cursor() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> parse(Map.of("page", List.of("200"), "size", List.of("100"))));
    assertEquals("page", e.parameter());
    SearchRequest withCursor =
        parse(Map.of("page", List.of("200"), "size", List.of("100"), "cursor", List.of("c")));
    assertEquals("c", withCursor.cursor());
  }

  @Test
  void cors_origins_are_read_from_a_comma_separated_list() {
    assertEquals(List.of("*"), ApiConfig.parseOrigins(null));
    assertEquals(List.of("*"), ApiConfig.parseOrigins(" "));
    assertEquals(
        List.of("https://a.org", "http://b.org:8080"),
        ApiConfig.parseOrigins("https://a.org, http://b.org:8080,"));
  }
}
