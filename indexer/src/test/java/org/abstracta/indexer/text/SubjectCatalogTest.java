package org.abstracta.indexer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.abstracta.indexer.model.Subject;
import org.junit.jupiter.api.Test;

/** {@link SubjectCatalog}: arXiv category codes and their names. */
class SubjectCatalogTest {

  @Test
  void category_code_gets_its_official_name() {
    assertEquals(new Subject("cs.LG", "Machine Learning"), SubjectCatalog.subject("cs.LG"));
    assertEquals(
        new Subject("cs.CV", "Computer Vision and Pattern Recognition"),
        SubjectCatalog.subject("cs.CV"));
    assertEquals(new Subject("stat.ML", "Machine Learning"), SubjectCatalog.subject("stat.ML"));
    assertEquals(
        new Subject("astro-ph.GA", "Astrophysics of Galaxies"),
        SubjectCatalog.subject("astro-ph.GA"));
    assertEquals(
        new Subject("cond-mat.mes-hall", "Mesoscale and Nanoscale Physics"),
        SubjectCatalog.subject("cond-mat.mes-hall"));
    assertEquals(
        new Subject("eess.IV", "Image and Video Processing"), SubjectCatalog.subject("eess.IV"));
    assertEquals(
        new Subject("q-fin.TR", "Trading and Market Microstructure"),
        SubjectCatalog.subject("q-fin.TR"));
    assertEquals(new Subject("econ.EM", "Econometrics"), SubjectCatalog.subject("econ.EM"));
    assertEquals(
        new Subject("nlin.SI", "Exactly Solvable and Integrable Systems"),
        SubjectCatalog.subject("nlin.SI"));
  }

  @Test
  void author_page_two_letter_code_is_a_computer_science_category() {
    assertEquals(
        new Subject("cs.CY", "Computers and Society"), SubjectCatalog.computerScience("CY"));
    assertEquals(new Subject("cs.LG", "Machine Learning"), SubjectCatalog.computerScience("LG"));
    assertEquals(
        new Subject("cs.CV", "Computer Vision and Pattern Recognition"),
        SubjectCatalog.computerScience("cv"));
  }

  @Test
  void unknown_code_keeps_its_code_as_label() {
    assertEquals(new Subject("cs.XX", "cs.XX"), SubjectCatalog.subject("cs.XX"));
    assertEquals(new Subject("68T05", "68T05"), SubjectCatalog.subject("68T05"));
    assertFalse(SubjectCatalog.isKnown("cs.XX"));
  }

  @Test
  void archive_label_is_the_archive_name() {
    assertEquals("Computer Science", SubjectCatalog.archiveLabel("cs"));
    assertEquals("Mathematics", SubjectCatalog.archiveLabel("math"));
    assertEquals("Physics", SubjectCatalog.archiveLabel("physics"));
    assertEquals("Astrophysics", SubjectCatalog.archiveLabel("astro-ph"));
    assertEquals("Condensed Matter", SubjectCatalog.archiveLabel("cond-mat"));
    assertEquals("Quantitative Biology", SubjectCatalog.archiveLabel("q-bio"));
    assertEquals("Quantitative Finance", SubjectCatalog.archiveLabel("q-fin"));
    assertEquals("Statistics", SubjectCatalog.archiveLabel("stat"));
    assertEquals("Electrical Engineering and Systems Science", SubjectCatalog.archiveLabel("eess"));
    assertEquals("Economics", SubjectCatalog.archiveLabel("econ"));
    assertEquals("Nonlinear Sciences", SubjectCatalog.archiveLabel("nlin"));
  }

  @Test
  void unknown_archive_label_is_the_code() {
    assertEquals("zz", SubjectCatalog.archiveLabel("zz"));
  }

  @Test
  void single_category_archive_is_its_own_category_and_archive() {
    Subject hepPh = SubjectCatalog.subject("hep-ph");
    assertEquals("High Energy Physics - Phenomenology", hepPh.label());
    assertEquals("hep-ph", hepPh.archive());
    assertEquals(
        "High Energy Physics - Phenomenology", SubjectCatalog.archiveLabel(hepPh.archive()));
    assertEquals("Quantum Physics", SubjectCatalog.subject("quant-ph").label());
    assertEquals(
        "General Relativity and Quantum Cosmology", SubjectCatalog.subject("gr-qc").label());
    assertEquals("Mathematical Physics", SubjectCatalog.subject("math-ph").label());
  }

  @Test
  void every_category_archive_has_a_name() {
    for (String code : codes()) {
      String archive = new Subject(code, code).archive();
      assertTrue(SubjectCatalog.isKnown(archive), code + " has no archive entry " + archive);
    }
  }

  @Test
  void alias_categories_carry_the_name_of_their_canonical_category() {
    assertEquals(
        SubjectCatalog.subject("math.NA").label(), SubjectCatalog.subject("cs.NA").label());
    assertEquals(
        SubjectCatalog.subject("math.ST").label(), SubjectCatalog.subject("stat.TH").label());
    assertEquals(
        SubjectCatalog.subject("cs.SY").label(), SubjectCatalog.subject("eess.SY").label());
    assertEquals(
        SubjectCatalog.subject("cs.IT").label(), SubjectCatalog.subject("math.IT").label());
    assertEquals(
        SubjectCatalog.subject("math-ph").label(), SubjectCatalog.subject("math.MP").label());
  }

  @Test
  void legacy_archives_are_known() {
    for (String code :
        List.of(
            "q-alg",
            "alg-geom",
            "dg-ga",
            "funct-an",
            "solv-int",
            "chao-dyn",
            "patt-sol",
            "adap-org",
            "comp-gas",
            "mtrl-th",
            "supr-con",
            "acc-phys",
            "ao-sci",
            "atom-ph",
            "bayes-an",
            "chem-ph",
            "plasm-ph",
            "cmp-lg")) {
      assertTrue(SubjectCatalog.isKnown(code), code);
    }
    assertEquals("Computation and Language (legacy)", SubjectCatalog.subject("cmp-lg").label());
  }

  @Test
  void catalog_holds_every_category_of_the_official_taxonomy() {
    Set<String> all = new HashSet<>(codes());
    assertEquals(40, count(all, "cs."));
    assertEquals(32, count(all, "math."));
    assertEquals(22, count(all, "physics."));
    assertEquals(9, count(all, "cond-mat."));
    assertEquals(6, count(all, "astro-ph."));
    assertEquals(10, count(all, "q-bio."));
    assertEquals(9, count(all, "q-fin."));
    assertEquals(6, count(all, "stat."));
    assertEquals(4, count(all, "eess."));
    assertEquals(3, count(all, "econ."));
    assertEquals(5, count(all, "nlin."));
  }

  @Test
  void catalog_file_has_no_duplicate_or_malformed_line() throws IOException {
    List<String> codes = codes();
    assertEquals(codes.size(), new HashSet<>(codes).size(), "duplicate codes");
  }

  private static long count(Set<String> codes, String prefix) {
    return codes.stream().filter(c -> c.startsWith(prefix)).count();
  }

  /** The codes in the catalog file, failing on a line that is not code TAB name. */
  private static List<String> codes() {
    List<String> codes = new ArrayList<>();
    try (InputStream in = SubjectCatalog.class.getResourceAsStream("arxiv-categories.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] parts = line.split("\t", -1);
        assertEquals(2, parts.length, "not code<TAB>name: " + line);
        assertFalse(parts[0].isBlank() || parts[1].isBlank(), "empty field: " + line);
        codes.add(parts[0]);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return codes;
  }
}
