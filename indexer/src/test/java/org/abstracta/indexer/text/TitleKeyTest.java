package org.abstracta.indexer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** {@link TitleKey#of}: the form of a title under which records without ids merge. */
class TitleKeyTest {

  @Test
  void key_is_lower_case_words_separated_by_single_spaces() {
    assertEquals("aurora automated training", TitleKey.of("AURORA: Automated Training"));
  }

  @Test
  void case_does_not_matter() {
    assertEquals(TitleKey.of("Diffusion Policy"), TitleKey.of("DIFFUSION policy"));
  }

  @Test
  void punctuation_without_a_space_after_it_still_separates_words() {
    assertEquals(
        TitleKey.of("AURORA:Automated Training"), TitleKey.of("Aurora: automated training"));
    assertEquals("aurora automated training", TitleKey.of("AURORA:Automated Training"));
  }

  @Test
  void hyphens_quotes_and_trailing_punctuation_are_dropped() {
    assertEquals("what s in a name a study", TitleKey.of("“What’s in a Name?” — A Study."));
    assertEquals(TitleKey.of("Non-Invasive BCI"), TitleKey.of("non invasive bci"));
  }

  @Test
  void accents_are_dropped() {
    assertEquals("balazs", TitleKey.of("Balázs"));
    assertEquals(TitleKey.of("Gröbner bases"), TitleKey.of("Grobner Bases"));
  }

  @Test
  void latex_and_unicode_spellings_of_a_title_give_the_same_key() {
    assertEquals(
        TitleKey.of("A transcendental approach to Kollár's injectivity theorem"),
        TitleKey.of("A transcendental approach to Koll\\'ar's injectivity theorem"));
    assertEquals("α stable laws", TitleKey.of("$\\alpha$-Stable Laws"));
    assertEquals(TitleKey.of("\\emph{Deep} Learning"), TitleKey.of("Deep learning"));
  }

  @Test
  void arxiv_line_wrapping_does_not_change_the_key() {
    assertEquals(
        "calculation of prompt diphoton production cross sections at tevatron and lhc energies",
        TitleKey.of(
            "Calculation of prompt diphoton production cross sections at Tevatron and\n"
                + "  LHC energies"));
  }

  @Test
  void compatibility_characters_are_folded() {
    assertEquals("finding", TitleKey.of("ﬁnding"));
  }

  @Test
  void different_words_give_different_keys() {
    assertNotEquals(
        TitleKey.of("Attention is all you need"), TitleKey.of("Attention is not all you need"));
  }

  @Test
  void null_and_blank_titles_give_the_empty_key() {
    assertEquals("", TitleKey.of(null));
    assertEquals("", TitleKey.of("  \n "));
    assertEquals("", TitleKey.of("?!"));
  }
}
