package org.abstracta.indexer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link PaperId}: arXiv ids, DOIs and title-derived ids in their normal forms. */
class PaperIdTest {

  // --- arXiv ids

  @Test
  void new_style_arxiv_id_loses_prefix_and_version() {
    assertEquals("2303.16212", PaperId.arxiv("arXiv:2303.16212v2"));
    assertEquals("2303.16212", PaperId.arxiv("2303.16212"));
    assertEquals("2303.16212", PaperId.arxiv("ARXIV:2303.16212"));
    assertEquals("2303.16212", PaperId.arxiv("arXiv: 2303.16212"));
    assertEquals("2303.16212", PaperId.arxiv("  2303.16212  "));
  }

  @Test
  void four_digit_new_style_ids_of_2007_to_2014_are_ids() {
    assertEquals("0704.0001", PaperId.arxiv("0704.0001"));
    assertEquals("1412.6980", PaperId.arxiv("1412.6980v9"));
  }

  @Test
  void old_style_arxiv_id_loses_its_version() {
    assertEquals("hep-ph/0701001", PaperId.arxiv("hep-ph/0701001v1"));
    assertEquals("cond-mat/0102536", PaperId.arxiv("cond-mat/0102536"));
    assertEquals("cs/0101001", PaperId.arxiv("cs/0101001"));
  }

  @Test
  void old_style_id_with_subject_class_keeps_the_class_in_upper_case() {
    assertEquals("math.GT/0309136", PaperId.arxiv("math.GT/0309136"));
    assertEquals("math.GT/0309136", PaperId.arxiv("math.gt/0309136"));
    assertEquals("math.GT/0309136", PaperId.arxiv("MATH.GT/0309136v2"));
  }

  @Test
  void abs_and_pdf_urls_give_the_id() {
    assertEquals("2303.16212", PaperId.arxiv("https://arxiv.org/abs/2303.16212v3"));
    assertEquals("2303.16212", PaperId.arxiv("http://arxiv.org/pdf/2303.16212v1.pdf"));
    assertEquals("2303.16212", PaperId.arxiv("https://arxiv.org/pdf/2303.16212"));
    assertEquals("2303.16212", PaperId.arxiv("https://www.arxiv.org/abs/2303.16212"));
    assertEquals("hep-th/9901001", PaperId.arxiv("https://arxiv.org/abs/hep-th/9901001"));
  }

  @Test
  void abs_url_without_scheme_or_on_the_export_mirror_gives_the_id() {
    assertEquals("2303.16212", PaperId.arxiv("arxiv.org/abs/2303.16212"));
    assertEquals("2303.16212", PaperId.arxiv("https://export.arxiv.org/abs/2303.16212"));
  }

  @Test
  void text_that_is_not_an_arxiv_id_gives_null() {
    assertNull(PaperId.arxiv(null));
    assertNull(PaperId.arxiv(""));
    assertNull(PaperId.arxiv("hello"));
    assertNull(PaperId.arxiv("10.1103/PhysRevD.76.013009"));
    assertNull(PaperId.arxiv("2303.162123"));
    assertNull(PaperId.arxiv("2303.16212v"));
    assertNull(PaperId.arxiv("see 2303.16212"));
    assertNull(PaperId.arxiv("https://example.org/abs/2303.16212"));
  }

  // --- DOIs

  @Test
  void doi_url_gives_the_lower_case_doi() {
    assertEquals(
        "10.1103/physrevd.76.013009", PaperId.doi("https://doi.org/10.1103/PhysRevD.76.013009"));
    assertEquals("10.1000/abc", PaperId.doi("http://dx.doi.org/10.1000/ABC"));
    assertEquals("10.1000/abc", PaperId.doi("doi.org/10.1000/abc"));
  }

  @Test
  void bare_and_prefixed_doi_gives_the_lower_case_doi() {
    assertEquals("10.1103/physrevd.76.013009", PaperId.doi("10.1103/PhysRevD.76.013009"));
    assertEquals("10.1103/physrevd.76.013009", PaperId.doi("doi:10.1103/PhysRevD.76.013009"));
    assertEquals("10.1103/x", PaperId.doi("DOI: 10.1103/X"));
  }

  @Test
  void doi_field_with_two_dois_gives_the_first() {
    // kaggle-snapshot-sample200: a paper's DOI followed by its erratum's
    assertEquals(
        "10.1364/josaa.23.002578", PaperId.doi("10.1364/JOSAA.23.002578 10.1364/JOSAA.32.002407"));
  }

  @Test
  void text_that_is_not_a_doi_gives_null() {
    assertNull(PaperId.doi(null));
    assertNull(PaperId.doi("hello"));
    assertNull(PaperId.doi("10.1000"));
    assertNull(PaperId.doi("DOI:10.1/x"));
    assertNull(PaperId.doi("2303.16212"));
    assertNull(PaperId.doi("10.1103/PhysRevD.76.013009 and more"));
  }

  // --- title-derived ids

  @Test
  void title_id_is_t_and_sixteen_hex_digits() {
    String id =
        PaperId.fromTitle("Diffusion Policy: Visuomotor Policy Learning via Action Diffusion");
    assertTrue(id.matches("t-[0-9a-f]{16}"), id);
  }

  @Test
  void same_title_gives_the_same_id_on_every_run() {
    // SHA-256 of the title key "aurora automated training", first 8 bytes: fixed for all time.
    assertEquals("t-2cc8a466f6ea768f", PaperId.fromTitle("AURORA: Automated Training"));
    assertEquals(PaperId.fromTitle("Some Title"), PaperId.fromTitle("Some Title"));
  }

  @Test
  void case_punctuation_and_latex_variants_of_a_title_give_the_same_id() {
    String id = PaperId.fromTitle("AURORA:Automated Training");
    assertEquals(id, PaperId.fromTitle("Aurora: automated training"));
    assertEquals(id, PaperId.fromTitle("  aurora —  AUTOMATED training. "));
    assertEquals(
        PaperId.fromTitle("A transcendental approach to Kollár's injectivity theorem"),
        PaperId.fromTitle("A transcendental approach to Koll\\'ar's injectivity theorem"));
  }

  @Test
  void different_titles_give_different_ids() {
    assertNotEquals(
        PaperId.fromTitle("Attention is all you need"),
        PaperId.fromTitle("Attention is not all you need"));
  }

  @Test
  void title_id_from_key_equals_title_id_from_title() {
    assertEquals(
        PaperId.fromTitle("AURORA: Automated Training"),
        PaperId.fromTitleKey("aurora automated training"));
  }

  @Test
  void only_title_ids_are_title_derived() {
    assertTrue(PaperId.isTitleDerived(PaperId.fromTitle("Any title")));
    assertFalse(PaperId.isTitleDerived("2303.16212"));
    assertFalse(PaperId.isTitleDerived("hep-th/9901001"));
    assertFalse(PaperId.isTitleDerived("10.1103/physrevd.76.013009"));
  }

  // --- normalize

  @Test
  void normalize_accepts_every_id_form() {
    assertEquals("2303.16212", PaperId.normalize("arXiv:2303.16212v2"));
    assertEquals(
        "10.1103/physrevd.76.013009",
        PaperId.normalize("https://doi.org/10.1103/PhysRevD.76.013009"));
    assertEquals("t-2cc8a466f6ea768f", PaperId.normalize(" t-2cc8a466f6ea768f "));
    assertNull(PaperId.normalize(null));
  }
}
