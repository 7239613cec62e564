package org.abstracta.searchapi.search.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.junit.jupiter.api.Test;

/** Highlighted snippets and readable explanations of hits over the seed index. */
class HighlightsAndExplanationsTest {
  static final IndexSearchService service = SeedIndex.service();

  static List<Hit> hits(String q, boolean explain) {
    return service
        .search(new SearchRequest(q, Map.of(), SortOrder.RELEVANCE, 1, 10, null, Set.of(), explain))
        .hits();
  }

  @Test
  void matched_words_are_marked_in_the_whole_title_stems_included() {
    Hit first = hits("diffusion policies", false).getFirst();
    assertEquals("<mark>Policy</mark>-Guided <mark>Diffusion</mark>", first.highlights().title());
  }

  @Test
  void a_quoted_phrase_marks_only_exact_words() {
    Hit first = hits("\"epistemic injustice\"", false).getFirst();
    assertEquals(
        "<mark>Epistemic</mark> <mark>Injustice</mark> in Generative AI",
        first.highlights().title());
    assertTrue(
        first.highlights().abstractText().contains("<mark>epistemic</mark> <mark>injustice</mark>")
            || first
                .highlights()
                .abstractText()
                .contains("<mark>Epistemic</mark> <mark>injustice</mark>"),
        first.highlights().abstractText());
  }

  @Test
  void the_abstract_snippet_is_a_window_of_about_250_characters_around_a_match() {
    for (Hit h : hits("catastrophic interference", false)) {
      String snippet = h.highlights().abstractText();
      String plain = snippet.replace("<mark>", "").replace("</mark>", "");
      assertTrue(plain.length() <= Snippets.WINDOW + 40, plain.length() + ": " + plain);
    }
    String first = hits("catastrophic interference", false).getFirst().highlights().abstractText();
    assertTrue(first.contains("<mark>"), first);
  }

  @Test
  void words_the_query_excludes_are_not_marked() {
    Hit h = hits("diffusion -policy", false).getFirst();
    assertFalse(h.highlights().title().contains("<mark>Policy"), h.highlights().title());
  }

  @Test
  void everything_but_the_marks_is_html_escaped() {
    String title = Snippets.whole("<script>alert('x')</script> & reward models", Set.of("reward"));
    assertEquals(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>reward</mark> models", title);
    assertEquals("a &lt;b&gt; c", Snippets.window("a <b> c", Set.of()));
  }

  @Test
  void a_long_abstract_without_matches_shows_its_start() {
    String text = "word ".repeat(200);
    String snippet = Snippets.window(text, Set.of("=other"));
    assertTrue(snippet.startsWith("word word"));
    assertTrue(snippet.endsWith("…"));
  }

  @Test
  void explanations_say_which_word_matched_where_in_words() {
    Hit first = hits("diffusion policy", true).getFirst();
    assertEquals(
        "matched 'diffusion' in title (x2 weight) and abstract; 'policy' in title (x2 weight) and"
            + " abstract; all 2 words present; score 10.10",
        first.explanation());
    // Since issue 20 keywords are all required: a paper missing one is found through OR.
    Hit partial = hits("diffusion OR policy", true).get(3);
    assertTrue(
        partial
            .explanation()
            .startsWith(
                "matched 'diffusion' in title (x2 weight) and abstract;" + " missing 'policy'"),
        partial.explanation());
  }

  @Test
  void explanations_name_authors_phrases_and_ids() {
    assertTrue(
        hits("\"Jackie Kay\"", true)
            .getFirst()
            .explanation()
            .startsWith("matched \"Jackie Kay\" in authors (x1.5 weight)"));
    assertEquals(
        "matched 't-ee369f20e7662e54' in its id; score 100000.00",
        hits("id:t-ee369f20e7662e54", true).getFirst().explanation());
    // Since issue 20 a field that filters, typed alone, lists its papers like the URL's filter.
    assertEquals(
        "matches the query's filters subject:cs.RO, year:2020; listed newest first",
        hits("subject:cs.RO year:2020", true).getFirst().explanation());
    assertEquals(
        "matched 'cs.RO' in subject; missing 'zzyzx'; score 1.00",
        hits("zzyzx OR subject:cs.RO", true).getFirst().explanation());
  }

  @Test
  void explanations_are_absent_unless_asked_for() {
    assertNull(hits("diffusion policy", false).getFirst().explanation());
  }
}
