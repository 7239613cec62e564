package org.abstracta.searchapi.search.facet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.FacetResult.FacetValue;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.junit.jupiter.api.Test;

/** Facet filters and multi-select counts (DrillSideways) over the seed index, exact counts. */
class FacetsAndFiltersTest {
  static final IndexSearchService service = SeedIndex.service();

  static SearchResult filtered(String q, Map<String, List<String>> filters) {
    return service.search(
        new SearchRequest(q, filters, SortOrder.RELEVANCE, 1, 10, null, null, false));
  }

  static FacetResult facet(SearchResult r, String dim) {
    return r.facets().stream().filter(f -> f.dim().equals(dim)).findFirst().orElseThrow();
  }

  static FacetValue value(FacetResult f, String value) {
    return f.values().stream().filter(v -> v.value().equals(value)).findFirst().orElseThrow();
  }

  static FacetValue category(SearchResult r, String code) {
    FacetValue cs = value(facet(r, Facets.SUBJECT), "cs");
    return cs.children().stream().filter(v -> v.value().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void subject_filter_finds_seven_robotics_papers_while_still_counting_other_subjects() {
    SearchResult r = filtered("", Map.of("subject", List.of("cs.RO")));
    assertEquals(7, r.total());
    assertEquals(7, category(r, "cs.LG").count());
    assertFalse(category(r, "cs.LG").selected());
    assertEquals(7, category(r, "cs.RO").count());
    assertTrue(category(r, "cs.RO").selected());
    // Other dimensions count only the filtered papers.
    assertEquals(List.of("2025", "2021", "2020", "2019", "2018"), values(facet(r, Facets.YEAR)));
    assertEquals(5, value(facet(r, Facets.AUTHOR), "Jackie Kay").count());
  }

  @Test
  void subject_facet_is_archive_then_categories_with_labels() {
    SearchResult r = filtered("", Map.of());
    FacetValue cs = value(facet(r, Facets.SUBJECT), "cs");
    assertEquals("Computer Science", cs.label());
    assertEquals(33, cs.count());
    assertEquals(
        List.of("cs.AI", "cs.LG", "cs.RO", "cs.CV", "cs.CY", "cs.CL", "cs.HC"),
        cs.children().stream().map(FacetValue::value).toList());
    assertEquals("Machine Learning", category(r, "cs.LG").label());
    assertEquals(7, category(r, "cs.AI").count());
  }

  @Test
  void year_range_filter_finds_six_papers_and_marks_its_years_selected() {
    SearchResult r = filtered("", Map.of("year", List.of("2019..2020")));
    assertEquals(6, r.total());
    FacetResult years = facet(r, Facets.YEAR);
    // Counts ignore the year filter itself: every year of the index, newest first.
    assertEquals(
        List.of("2026", "2025", "2024", "2023", "2022", "2021", "2020", "2019", "2018"),
        values(years));
    assertEquals(10, value(years, "2025").count());
    assertTrue(value(years, "2019").selected());
    assertTrue(value(years, "2020").selected());
    assertFalse(value(years, "2021").selected());
  }

  @Test
  void values_of_one_facet_are_or_and_facets_are_and() {
    assertEquals(14, filtered("", Map.of("subject", List.of("cs.RO", "cs.LG"))).total());
    assertEquals(
        3, filtered("", Map.of("subject", List.of("cs.RO"), "year", List.of("2019"))).total());
    assertEquals(
        14, filtered("", Map.of("year", List.of("2019", "2025..2025"))).total()); // OR: 4 + 10
  }

  @Test
  void archive_filter_takes_either_level_in_any_case() {
    assertEquals(33, filtered("", Map.of("subject", List.of("CS"))).total());
    assertEquals(7, filtered("", Map.of("subject", List.of("cs.ro"))).total());
  }

  @Test
  void filters_combine_with_the_query() {
    SearchResult r = filtered("reinforcement learning", Map.of("subject", List.of("cs.RO")));
    assertEquals(5, r.total()); // 6 before issue 20, which requires both words
    assertEquals(
        List.of("t-e246040612eb6659", "t-33a9a8df3cd67add", "t-faef3d57ecbf03f7"),
        r.hits().stream().limit(3).map(Hit::id).toList());
  }

  @Test
  void author_filter_accepts_other_case_and_accents() {
    assertEquals(19, filtered("", Map.of("author", List.of("jackie kay"))).total());
    // Both spellings of the same person are indexed; a folded filter selects both.
    assertEquals(2, filtered("", Map.of("author", List.of("maria perez-ortiz"))).total());
  }

  @Test
  void type_source_and_has_code_count_and_filter() {
    SearchResult all = filtered("", Map.of());
    assertEquals(89, value(facet(all, Facets.TYPE), "paper").count());
    assertEquals(1, value(facet(all, Facets.TYPE), "talk").count());
    assertEquals("Talk", value(facet(all, Facets.TYPE), "talk").label());
    assertEquals(18, value(facet(all, Facets.HAS_CODE), "true").count());
    assertEquals(72, value(facet(all, Facets.HAS_CODE), "false").count());
    assertEquals(
        List.of(
            "002_412977c996442bcb.txt",
            "Jackie Kay (author page)",
            "Kelsey Allen (author page)",
            "001_d84297069a174ee1.txt",
            "004_eae0defd86aa440c.txt"),
        values(facet(all, Facets.SOURCE)));
    assertEquals(1, filtered("", Map.of("type", List.of("Talk"))).total());
    assertEquals(18, filtered("", Map.of("hasCode", List.of("yes"))).total());
    assertEquals(14, filtered("", Map.of("source", List.of("Kelsey Allen (author page)"))).total());
  }

  @Test
  void authors_count_the_top_ten() {
    FacetResult authors = facet(filtered("", Map.of()), Facets.AUTHOR);
    assertEquals(10, authors.values().size());
    assertEquals("Jackie Kay", authors.values().get(0).value());
    assertEquals(19, authors.values().get(0).count());
    assertEquals("Kelsey Allen", authors.values().get(1).value());
    assertEquals(14, authors.values().get(1).count());
  }

  @Test
  void facets_parameter_chooses_which_to_count() {
    SearchRequest none =
        new SearchRequest("", Map.of(), SortOrder.RELEVANCE, 1, 10, null, Set.of(), false);
    assertTrue(service.search(none).facets().isEmpty());
    SearchRequest two =
        new SearchRequest(
            "", Map.of(), SortOrder.RELEVANCE, 1, 10, null, Set.of("year", "subject"), false);
    assertEquals(
        List.of("subject", "year"),
        service.search(two).facets().stream().map(FacetResult::dim).toList());
  }

  @Test
  void author_values_are_listed_by_a_case_and_accent_insensitive_word_prefix() {
    FacetResult r = service.facetValues("author", "PÉR", 10);
    assertEquals(List.of("Maria Perez-Ortiz", "María Pérez-Ortiz"), values(r));
    assertEquals(List.of("Jackie Kay"), values(service.facetValues("author", "kay", 10)));
    assertEquals(5, service.facetValues("author", "", 5).values().size());
  }

  @Test
  void facet_values_of_other_dimensions_filter_by_value_or_label() {
    FacetResult subjects = service.facetValues("subject", "robot", 10);
    assertEquals(List.of("cs"), values(subjects));
    assertEquals(
        List.of("cs.RO"),
        subjects.values().getFirst().children().stream().map(FacetValue::value).toList());
    assertEquals(List.of("2026", "2025", "2024"), values(service.facetValues("year", "202", 3)));
  }

  @Test
  void unknown_filters_and_bad_values_are_refused_naming_the_parameter() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> filtered("", Map.of("colour", List.of("red"))));
    assertEquals("colour", e.parameter());
    e =
        assertThrows(
            InvalidRequestException.class, () -> filtered("", Map.of("year", List.of("recent"))));
    assertEquals("year", e.parameter());
    e =
        assertThrows(
            InvalidRequestException.class, () -> filtered("", Map.of("hasCode", List.of("maybe"))));
    assertEquals("hasCode", e.parameter());
    e = assertThrows(InvalidRequestException.class, () -> service.facetValues("colour", "", 10));
    assertEquals("unknown_facet", e.code());
  }

  static List<String> values(FacetResult f) {
    return f.values().stream().map(FacetValue::value).toList();
  }
}
