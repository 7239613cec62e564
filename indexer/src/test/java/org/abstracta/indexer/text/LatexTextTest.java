package org.abstracta.indexer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * {@link LatexText#normalize}: what a reader sees of arXiv's LaTeX. Cases marked "snapshot" are
 * copied from {@code shared/data/arxiv/kaggle-snapshot-sample200.jsonl} (the arXiv id in the
 * comment) or the 112k arXiv sample.
 */
class LatexTextTest {

  private static String n(String text) {
    return LatexText.normalize(text);
  }

  // --- trivial inputs

  @Test
  void null_stays_null() {
    assertNull(n(null));
  }

  @Test
  void plain_text_is_unchanged() {
    String plain = "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion";
    assertEquals(plain, n(plain));
    assertEquals("", n(""));
  }

  @Test
  void plain_text_keeps_its_punctuation_and_symbols() {
    assertEquals(
        "C++ & Rust: 50% faster (p < 0.05), e.g. ~25 Myr.",
        n("C++ & Rust: 50% faster (p < 0.05), e.g. ~25 Myr."));
  }

  // --- formatting commands

  @Test
  void emph_becomes_its_content() {
    assertEquals("x", n("\\emph{x}"));
    assertEquals("a very good idea", n("a \\emph{very} good idea"));
  }

  @Test
  void textit_textbf_texttt_and_textsc_become_their_content() {
    assertEquals("deep learning", n("\\textit{deep} learning"));
    assertEquals("Keywords: x", n("\\textbf{Keywords:} x"));
    assertEquals("run foo.py", n("run \\texttt{foo.py}"));
    assertEquals("Aurora", n("\\textsc{Aurora}"));
  }

  @Test
  void nested_formatting_is_unwrapped_completely() {
    assertEquals("nested text", n("\\textbf{\\emph{nested}} text"));
    assertEquals("a b c", n("\\emph{a \\textbf{b} c}"));
    assertEquals("xy", n("\\emph{x}\\emph{y}"));
  }

  @Test
  void old_style_font_switches_disappear() {
    // snapshot 0704.0083: "peaked about complex saddle-points of the\n{\em Lorentzian} path"
    assertEquals(
        "saddle-points of the Lorentzian path integral",
        n("saddle-points of the\n{\\em Lorentzian} path integral"));
    // snapshot 0704.0164: "we\nconsider {\em{weakly stable}} components"
    assertEquals(
        "we consider weakly stable components", n("we\nconsider {\\em{weakly stable}} components"));
    assertEquals("Marginally consistent", n("{\\it Marginally} consistent"));
    assertEquals("Phys. Rev. Lett. 98, 227202", n("Phys. Rev. Lett. {\\bf 98}, 227202"));
  }

  @Test
  void a_font_switch_inside_math_does_not_leave_a_gap_in_a_word() {
    // TeX ends \rm at the next non-letter and swallows the space after it: \rm d\bf r is "dr".
    assertEquals("T_N = 4.6 K", n("$T_{\\rm N}$ = 4.6 K"));
    assertEquals("∮ dr", n("$\\oint \\rm d\\bf r$"));
  }

  @Test
  void textsuperscript_becomes_its_content() {
    // 112k sample: "CLIP (FA\textsuperscript{3}-CLIP)"
    assertEquals("CLIP (FA3-CLIP)", n("CLIP (FA\\textsuperscript{3}-CLIP)"));
  }

  // --- unicode escapes

  @Test
  void unicode_escape_in_math_becomes_the_character() {
    assertEquals("–", n("$\\unicode{x2013}$"));
    assertEquals("pre–training", n("pre$\\unicode{x2013}$training"));
    assertEquals("é", n("\\unicode{xE9}"));
  }

  // --- accents

  @Test
  void acute_accent_before_a_letter_is_composed() {
    // snapshot 0704.0001 authors
    assertEquals(
        "C. Balázs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
        n("C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan"));
    // snapshot 0704.0028 authors
    assertEquals("Péter E. Frenkel", n("P\\'eter E. Frenkel"));
  }

  @Test
  void accent_with_braces_around_the_letter_or_the_whole_is_composed() {
    assertEquals("á", n("{\\'a}"));
    assertEquals("á", n("\\'{a}"));
    assertEquals("López", n("L\\'{o}pez"));
    assertEquals("über", n("{\\\"u}ber"));
  }

  @Test
  void umlaut_is_composed() {
    assertEquals("ö", n("\\\"o"));
    assertEquals("Müller", n("M\\\"{u}ller"));
    // snapshot 0704.0019 title
    assertEquals(
        "Approximation for extinction probability of the contact process based on the Gröbner"
            + " basis",
        n(
            "Approximation for extinction probability of the contact process based on\n"
                + "  the Gr\\\"obner basis"));
  }

  @Test
  void grave_accent_is_composed() {
    // snapshot 0704.0032 authors
    assertEquals(
        "A. Esteban-Pretel, R. Tomàs and J. W. F. Valle",
        n("A. Esteban-Pretel, R. Tom\\`as and J. W. F. Valle"));
  }

  @Test
  void cedilla_is_composed_with_braces_or_a_space() {
    assertEquals("ç", n("\\c{c}"));
    assertEquals("François", n("Fran\\c cois"));
  }

  @Test
  void caron_is_composed() {
    assertEquals("š", n("\\v{s}"));
    assertEquals("š", n("\\v s"));
    // snapshot 0704.0062 authors
    assertEquals(
        "Rastislav Šrámek, Broňa Brejová, Tomáš Vinař",
        n("Rastislav \\v{S}r\\'amek, Bro\\v{n}a Brejov\\'a, Tom\\'a\\v{s} Vina\\v{r}"));
  }

  @Test
  void tilde_accent_is_composed() {
    assertEquals("ñ", n("\\~n"));
    assertEquals("España", n("Espa\\~na"));
  }

  @Test
  void other_accents_are_composed() {
    assertEquals("Erdős", n("Erd\\H{o}s"));
    assertEquals("ô", n("\\^o"));
    assertEquals("ā", n("\\=a"));
    assertEquals("ż", n("\\.z"));
    assertEquals("ğ", n("\\u{g}"));
    assertEquals("ą", n("\\k{a}"));
    assertEquals("å", n("\\r{a}"));
    assertEquals("Álvaro", n("\\'Alvaro"));
  }

  @Test
  void accent_on_dotless_i_gives_i_with_accent() {
    assertEquals("í", n("\\'{\\i}"));
    assertEquals("í", n("\\'\\i"));
  }

  @Test
  void sharp_s_becomes_the_letter_and_swallows_the_space_after_it() {
    assertEquals("ß", n("\\ss"));
    assertEquals("Groß", n("Gro\\ss"));
    assertEquals("Straße", n("Stra\\ss e"));
    assertEquals("Straße", n("Stra\\ss{}e"));
  }

  @Test
  void letter_commands_become_letters() {
    // snapshot 0704.0049 authors
    assertEquals("Mikkel Øbro", n("Mikkel {\\O}bro"));
    assertEquals("Søren", n("S\\o{}ren"));
    assertEquals("Søren", n("S{\\o}ren"));
    assertEquals("Łukasz", n("\\L{}ukasz"));
    assertEquals("Ångström", n("\\AA{}ngstr\\\"om"));
    assertEquals("æ", n("\\ae"));
  }

  // --- math

  @Test
  void inline_math_keeps_greek_letters_and_relations_readable() {
    assertEquals("α ≤ 1", n("$\\alpha \\leq 1$"));
    assertEquals("(k,ℓ)", n("$(k,\\ell)$"));
    assertEquals("≥", n("$\\geq$"));
    assertEquals("ΛCDM", n("$\\Lambda$CDM"));
    assertEquals("α-stable", n("$\\alpha$-stable"));
  }

  @Test
  void snapshot_titles_with_inline_math_read_as_text() {
    // snapshot 0704.0174
    assertEquals(
        "Reparametrization Invariance, the controversial extraction of α from B→ππ and New"
            + " Physics",
        n(
            "Reparametrization Invariance, the controversial extraction of $\\alpha$\n"
                + "  from $B\\to\\pi\\pi$ and New Physics"));
    // snapshot 0704.0005
    assertEquals(
        "From dyadic Λ_α to Λ_α", n("From dyadic $\\Lambda_{\\alpha}$ to $\\Lambda_{\\alpha}$"));
    // snapshot 0704.0119
    assertEquals(
        "Quasi-quartet crystal electric field ground state in a tetragonal CeAg_2Ge_2 single"
            + " crystal",
        n(
            "Quasi-quartet crystal electric field ground state in a tetragonal\n"
                + "  CeAg$_2$Ge$_2$ single crystal"));
    // snapshot 0704.0013
    assertEquals(
        "p-adic Limit of Weakly Holomorphic Modular Forms of Half Integral Weight",
        n("$p$-adic Limit of Weakly Holomorphic Modular Forms of Half Integral\n  Weight"));
  }

  @Test
  void an_unknown_command_stays_visible() {
    // snapshot 0704.0011: \Q is the author's own macro; nobody knows what it prints.
    assertEquals(
        "Computing genus 2 Hilbert-Siegel modular forms over \\Q(√5) via the Jacquet-Langlands"
            + " correspondence",
        n(
            "Computing genus 2 Hilbert-Siegel modular forms over $\\Q(\\sqrt{5})$ via\n"
                + "  the Jacquet-Langlands correspondence"));
  }

  @Test
  void sub_and_superscripts_lose_their_braces() {
    assertEquals("x_i", n("$x_{i}$"));
    assertEquals("10^-3", n("$10^{-3}$"));
    assertEquals("O(n^2)", n("$O(n^2)$"));
    assertEquals("km s^-1", n("$\\mathrm{km\\,s^{-1}}$"));
  }

  @Test
  void math_alphabets_become_their_letters_with_or_without_braces() {
    assertEquals("x ∈ R^d", n("$x \\in \\mathbb{R}^{d}$"));
    assertEquals("O(n log n)", n("$\\mathcal{O}(n \\log n)$"));
    // 112k sample: "a vector in $\mathbb R^N$"
    assertEquals("a vector in R^N", n("a vector in $\\mathbb R^N$"));
  }

  @Test
  void removing_a_math_alphabet_does_not_glue_the_letter_to_the_command_before_it() {
    // 112k sample: "$\mathbf H\in\mathbb F_2^{r\times n}$"; \in followed by F is not "\inF".
    assertEquals("H∈F_2^r× n", n("$\\mathbf H\\in\\mathbb F_2^{r\\times n}$"));
    assertEquals("x∈R", n("$x\\in\\mathbb{R}$"));
  }

  @Test
  void math_accents_become_combining_marks() {
    assertEquals("D\u0304", n("$\\bar{D}$"));
    assertEquals("ν\u0304_e", n("$\\bar{\\nu}_e$"));
    assertEquals("ν\u0304_e", n("$\\bar\\nu_e$"));
    assertEquals("Õ(√T)", n("$\\widetilde{O}(\\sqrt{T})$"));
    assertEquals("Õ(n)", n("$\\tilde{\\mathcal{O}}(n)$"));
    assertEquals("x\u0302", n("$\\hat{x}$"));
    assertEquals("Å", n("$\\mathring{A}$"));
  }

  @Test
  void fractions_and_roots_read_as_text() {
    assertEquals("1/2", n("$\\frac{1}{2}$"));
    assertEquals("(a+b)/2", n("$\\frac{a+b}{2}$"));
    assertEquals("√s=7 TeV", n("$\\sqrt{s}=7$ TeV"));
    assertEquals("√(x+1)", n("$\\sqrt{x+1}$"));
    // 112k sample: a fraction under a floor, with a root in the numerator
    assertEquals("⌊ (m - 1)/r ⌋", n("$\\lfloor \\frac{m - 1}{r} \\rfloor$"));
  }

  @Test
  void astrophysical_symbols_read_as_text() {
    assertEquals("10^10 M_⊙", n("$10^{10}\\,M_{\\odot}$"));
    assertEquals("≲ 3", n("$\\lesssim 3$"));
    assertEquals("∝ r^-2", n("$\\propto r^{-2}$"));
  }

  @Test
  void display_and_paren_math_delimiters_disappear() {
    assertEquals("recovering the 1/τ^2 law", n("recovering the \\(1/\\tau^2\\) law"));
    assertEquals("a = b and c", n("\\[ a = b \\] and c"));
  }

  @Test
  void arxiv_degree_sign_becomes_the_degree_sign() {
    // arXiv stores a typed ° as {\deg}: 112k sample "a full 360{\deg} field of view"
    assertEquals("a full 360° field of view", n("a full 360{\\deg} field of view"));
  }

  // --- escapes and spacing

  @Test
  void escaped_percent_ampersand_and_dollar_become_the_characters() {
    assertEquals("50% of $5 & more", n("50\\% of \\$5 \\& more"));
    assertEquals("%", n("$\\%$"));
    assertEquals("snake_case #1", n("snake\\_case \\#1"));
  }

  @Test
  void escaped_braces_stay_and_grouping_braces_go() {
    assertEquals("{set}", n("\\{set\\}"));
    // snapshot 0704.0068
    assertEquals("A Note About the Ki(z) Functions", n("A Note About the {Ki(z)} Functions"));
  }

  @Test
  void spacing_commands_become_a_space_or_nothing() {
    assertEquals("a b", n("a\\,b"));
    assertEquals("e.g. the", n("e.g.\\ the"));
    assertEquals("a b", n("a\\\\b"));
    assertEquals("αx", n("$\\alpha\\!x$"));
    assertEquals("a b", n("a\\\nb"));
  }

  @Test
  void arxiv_line_wrapping_becomes_one_space() {
    assertEquals("A fully differential", n("A fully\n  differential"));
    // snapshot 0704.0001, title
    assertEquals(
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
        n(
            "Calculation of prompt diphoton production cross sections at Tevatron and\n"
                + "  LHC energies"));
  }

  @Test
  void leading_and_trailing_white_space_is_dropped() {
    // snapshot abstracts start with two spaces and end with a newline
    assertEquals("A fully differential calculation", n("  A fully differential calculation\n"));
  }

  @Test
  void every_kind_of_white_space_becomes_one_space_and_single_spaces_stay() {
    assertEquals("a b c d", n("a\tb\u2003c \r\n d"));
    String plain = "a b";
    assertSame(plain, LatexText.normalize(plain));
  }

  @Test
  void a_command_completed_by_removing_markup_around_it_is_resolved_too() {
    // Each pattern runs only when its command occurs, checked right before it runs: unwrapping
    // "\emph{\mathb}" joins "\mathb" with the "b" after it into "\mathbb".
    assertEquals("R", n("\\emph{\\mathb}b R"));
    assertEquals("x\u0304", n("\\emph{\\ba}r x"));
  }

  @Test
  void double_and_triple_hyphens_become_dashes() {
    assertEquals("pages 1–10", n("pages 1--10"));
    assertEquals("yes—no", n("yes---no"));
    assertEquals("non-invasive", n("non-invasive"));
  }

  // --- links and citations

  @Test
  void url_command_becomes_the_address() {
    assertEquals("Code: https://github.com/a/b", n("Code: \\url{https://github.com/a/b}"));
  }

  @Test
  void href_becomes_its_text_and_the_address() {
    // 112k sample
    assertEquals(
        "Our code is available here (https://github.com/naver-ai/StyleKeeper).",
        n("Our code is available \\href{https://github.com/naver-ai/StyleKeeper}{here}."));
  }

  @Test
  void href_whose_text_repeats_the_address_becomes_the_address_once() {
    assertEquals(
        "Code: https://github.com/zengkaiya/CaT",
        n("Code: \\href{https://github.com/zengkaiya/CaT}{https://github.com/zengkaiya/CaT}"));
    // arXiv's own "this https URL" placeholder, wrapped in \text{}
    assertEquals(
        "at https://github.com/byronBBL/CK-PLUG",
        n("at \\href{https://github.com/byronBBL/CK-PLUG}{\\text{this https URL}}"));
  }

  @Test
  void footnote_becomes_a_parenthesis() {
    assertEquals(
        "a survey (https://github.com/x/y).", n("a survey\\footnote{https://github.com/x/y}."));
  }

  @Test
  void citation_keeps_its_key_in_brackets() {
    // snapshot 0704.0041: "the quantum double torus defined in \cite{hajac} as"
    assertEquals("defined in [hajac] as", n("defined in \\cite{hajac} as"));
    assertEquals("see [a,b]", n("see \\citep[p.~3]{a,b}"));
  }
}
