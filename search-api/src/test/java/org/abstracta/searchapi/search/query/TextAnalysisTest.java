package org.abstracta.searchapi.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
  private static final String TEXT =
      "Émile's Entropy-based FLOW models: the flows' Ångström-scale Ørsted fields, and "
          + "EFFICIENT «fluid» e.g. 3.5 dB, flux.";

  /** Every surface word as "word@start-end". */
  private static List<String> all(String text) {
    List<String> out = new ArrayList<>();
    TextAnalysis.forEachSurfaceWord(
        text, (w, len, start, end) -> out.add(new String(w, 0, len) + "@" + start + "-" + end));
    return out;
  }

  private static List<String> starting(String text, String initials) {
    List<String> out = new ArrayList<>();
    TextAnalysis.forEachSurfaceWord(
        text,
        initials,
        (w, len, start, end) -> out.add(new String(w, 0, len) + "@" + start + "-" + end));
    return out;
  }

  @Test
  void the_initials_keep_exactly_the_words_that_start_with_them_once_folded() {
    assertEquals(
        List.of(
            "emile@0-7",
            "entropy@8-15",
            "flow@22-26",
            "flows@39-44", // the possessive's apostrophe is not part of the word
            "angstrom@46-54",
            "orsted@61-67",
            "fields@68-74",
            "efficient@80-89",
            "fluid@91-96",
            "e.g@98-101",
            "flux@111-115"),
        starting(TEXT, "ef"));
    // A word starting with a non-ASCII letter is always handed on: folding decides its letter.
    assertEquals(List.of("emile@0-7", "angstrom@46-54", "orsted@61-67"), starting(TEXT, "x"));
  }

  @Test
  void with_every_letter_the_words_are_those_of_the_whole_chain() {
    assertEquals(all(TEXT), starting(TEXT, "abcdefghijklmnopqrstuvwxyz0123456789"));
    assertEquals(List.of(), starting("", "abc"));
  }
}
