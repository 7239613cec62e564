package org.abstracta.indexer.ingest.authorpage;

import static org.abstracta.indexer.ingest.CollectingSink.readSeed;
import static org.abstracta.indexer.ingest.CollectingSink.readText;
import static org.abstracta.indexer.ingest.CollectingSink.seedHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.abstracta.indexer.ingest.CollectingSink;
import org.abstracta.indexer.ingest.CollectingSink.Skip;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.PaperType;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.model.Subject;
import org.junit.jupiter.api.Test;

class AuthorPageParserTest {
  private static final String JACKIE = "000_21cd7a5341c6c0d1.txt";
  private static final String KELSEY = "003_a1e67528ce730cb1.txt";
  private final AuthorPageParser parser = new AuthorPageParser();

  @Test
  void jackie_kays_page_lists_nineteen_papers_without_skips() throws IOException {
    CollectingSink sink = readSeed(parser, JACKIE);
    assertEquals(19, sink.reads.size());
    assertEquals(List.of(), sink.skips);
    assertEquals(
        "Queer In AI: A Case Study in Community-Led Participatory AI", sink.titles().get(0));
    assertEquals(
        "Learning Gentle Object Manipulation with Curiosity-Driven Deep Reinforcement Learning",
        sink.titles().get(18));
  }

  @Test
  void kelsey_allens_page_lists_fourteen_papers_without_skips() throws IOException {
    CollectingSink sink = readSeed(parser, KELSEY);
    assertEquals(14, sink.reads.size());
    assertEquals(List.of(), sink.skips);
    assertEquals(
        "Improving Dual-Encoder Training through Dynamic Indexes for Negative Mining",
        sink.titles().get(0));
    assertEquals("Residual Policy Learning", sink.titles().get(13));
  }

  @Test
  void each_paper_records_the_line_its_entry_starts_on() throws IOException {
    assertEquals(
        List.of(12, 19, 26, 33, 40, 47, 54, 61, 68, 75, 82, 89, 96, 103, 110, 117, 124, 131, 138),
        readSeed(parser, JACKIE).lines());
    assertEquals(
        List.of(12, 19, 26, 33, 40, 47, 54, 61, 68, 75, 82, 89, 96, 103),
        readSeed(parser, KELSEY).lines());
  }

  @Test
  void owner_is_an_author_of_every_entry() throws IOException {
    for (Paper p : readSeed(parser, JACKIE).papers()) {
      assertTrue(p.authors().contains("Jackie Kay"), p.title() + ": " + p.authors());
    }
    for (Paper p : readSeed(parser, KELSEY).papers()) {
      assertTrue(p.authors().contains("Kelsey Allen"), p.title() + ": " + p.authors());
    }
  }

  @Test
  void owner_hidden_in_et_al_is_appended_after_the_listed_authors() throws IOException {
    Paper gato = readSeed(parser, JACKIE).titled("A Generalist Agent");
    assertEquals(
        List.of("Scott Reed", "Konrad Zolna", "Emilio Parisotto", "Jackie Kay"), gato.authors());
    assertTrue(gato.authorsTruncated());
  }

  @Test
  void owner_listed_on_the_author_line_keeps_their_place() throws IOException {
    Paper p = readSeed(parser, KELSEY).titled("Residual Policy Learning");
    assertEquals(List.of("Tom Silver", "Kelsey Allen", "Josh Tenenbaum"), p.authors());
    assertTrue(p.authorsTruncated());
  }

  @Test
  void owner_spelled_with_a_middle_initial_or_accents_is_not_added_twice() throws IOException {
    String page =
        """
        Maria Perez-Ortiz
        2 Papers

        AIJan 5, 2024
        First Paper

        Kenza Benkirane, María Pérez-Ortiz

        AIJan 6, 2024
        Second Paper

        Maria J. Perez-Ortiz, Clare Grogan
        """;
    CollectingSink sink = readText(parser, "maria.txt", page);
    assertEquals(List.of(), sink.skips);
    assertEquals(
        List.of("Kenza Benkirane", "María Pérez-Ortiz"), sink.titled("First Paper").authors());
    assertEquals(
        List.of("Maria J. Perez-Ortiz", "Clare Grogan"), sink.titled("Second Paper").authors());
  }

  @Test
  void full_author_list_is_not_truncated() throws IOException {
    Paper p = readSeed(parser, JACKIE).titled("Epistemic Injustice in Generative AI");
    assertEquals(List.of("Jackie Kay", "Atoosa Kasirzadeh", "Shakir Mohamed"), p.authors());
    assertFalse(p.authorsTruncated());
    Paper accented =
        readSeed(parser, JACKIE)
            .titled("AI Will Always Love You: Studying Implicit Biases in Romantic AI Companions");
    assertEquals(List.of("Clare Grogan", "Jackie Kay", "María Pérez-Ortiz"), accented.authors());
  }

  @Test
  void affiliations_follow_the_middle_dot() throws IOException {
    Paper queer =
        readSeed(parser, JACKIE)
            .titled("Queer In AI: A Case Study in Community-Led Participatory AI");
    assertEquals(List.of("allen-ai", "cmu"), queer.affiliations());
    assertEquals(
        List.of("Organizers Of QueerInAI", "Anaelia Ovalle", "Arjun Subramonian", "Jackie Kay"),
        queer.authors());
    CollectingSink kelsey = readSeed(parser, KELSEY);
    assertEquals(
        List.of("uw"),
        kelsey.titled("When Incentives Backfire, Data Stops Being Human").affiliations());
    assertEquals(
        List.of("deepmind", "stanford"),
        kelsey
            .titled(
                "Decoupling the components of geometric understanding in Vision Language Models")
            .affiliations());
    assertEquals(List.of(), kelsey.titled("Residual Policy Learning").affiliations());
  }

  @Test
  void two_letter_codes_are_computer_science_subjects() throws IOException {
    CollectingSink jackie = readSeed(parser, JACKIE);
    assertEquals(
        List.of(new Subject("cs.CY", "Computers and Society")),
        jackie.titled("Queer In AI: A Case Study in Community-Led Participatory AI").subjects());
    assertEquals(
        List.of(new Subject("cs.HC", "Human-Computer Interaction")),
        jackie
            .titled("Recourse for reclamation: Chatting with generative language models")
            .subjects());

    Map<String, Integer> counts = new TreeMap<>();
    for (String seed : List.of(JACKIE, KELSEY)) {
      for (Paper p : readSeed(parser, seed).papers()) {
        assertEquals(1, p.subjects().size());
        counts.merge(p.subjects().get(0).code(), 1, Integer::sum);
      }
    }
    assertEquals(
        Map.of("cs.AI", 7, "cs.LG", 7, "cs.RO", 7, "cs.CV", 5, "cs.CY", 4, "cs.CL", 2, "cs.HC", 1),
        counts);
  }

  @Test
  void printed_dates_are_read_and_a_missing_year_is_inferred_from_as_of() throws IOException {
    CollectingSink kelsey = readSeed(parser, KELSEY);
    Paper justInTime =
        kelsey.titled("\"Just in Time\" World Modeling Supports Human Planning and Reasoning");
    assertEquals(LocalDate.of(2026, 1, 20), justInTime.date());
    assertTrue(justInTime.yearInferred());

    Paper scaling = kelsey.titled("Scaling 4D Representations");
    assertEquals(LocalDate.of(2024, 12, 19), scaling.date());
    assertFalse(scaling.yearInferred());
    assertEquals(
        1,
        kelsey.papers().stream().filter(Paper::yearInferred).count(),
        "only AIJan 20 lacks a year");

    Paper queer =
        readSeed(parser, JACKIE)
            .titled("Queer In AI: A Case Study in Community-Led Participatory AI");
    assertEquals(LocalDate.of(2023, 3, 29), queer.date());
    assertEquals(2023, queer.year());
  }

  @Test
  void code_marker_and_code_links_set_has_code() throws IOException {
    CollectingSink kelsey = readSeed(parser, KELSEY);
    List<String> withCode =
        kelsey.papers().stream().filter(Paper::hasCode).map(Paper::title).toList();
    assertEquals(
        List.of(
            "Scaling 4D Representations",
            "Direct Motion Models for Assessing Generated Videos",
            "Relational inductive biases, deep learning, and graph networks",
            "Residual Policy Learning"),
        withCode);
    assertEquals(
        List.of("https://k-r-allen.github.io/residual-policy-learning/"),
        kelsey.titled("Residual Policy Learning").links());
    assertEquals(
        List.of("https://escontrela.me/neural_usd"),
        kelsey
            .titled("Neural USD: An object-centric framework for iterative editing and control")
            .links());
    // Jackie Kay's page links only videos: no entry has code.
    assertEquals(0, readSeed(parser, JACKIE).papers().stream().filter(Paper::hasCode).count());
  }

  @Test
  void paper_carries_its_source_id_type_and_normalized_text() throws IOException {
    Paper scaling = readSeed(parser, KELSEY).titled("Scaling 4D Representations");
    assertEquals(List.of(new Source(KELSEY, "author-page", "Kelsey Allen")), scaling.sources());
    assertEquals("Kelsey Allen — author page", scaling.sources().getFirst().label());
    assertEquals(PaperId.fromTitle("Scaling 4D Representations"), scaling.id());
    assertEquals(PaperType.PAPER, scaling.type());
    assertTrue(
        scaling.abstractText().contains("semantic-related tasks – action classification"),
        scaling.abstractText());
    assertTrue(
        scaling
            .abstractText()
            .startsWith(
                "Scaling has not yet been convincingly demonstrated for pure self-supervised"));
  }

  @Test
  void paper_count_that_disagrees_with_the_entries_is_reported_and_the_papers_kept()
      throws IOException {
    String page =
        """
        Ada Lovelace

        AI
        3 Papers

        LGJan 5, 2024
        Notes on the Analytical Engine

        Ada Lovelace, Charles Babbage

        We describe an engine. Code is available at https://github.com/ada/engine.

        CVFeb 2Code
        Sketches of a Difference Engine

        Charles Babbage et al. · cambridge
        """;
    CollectingSink sink = readText(parser, "ada.txt", page);
    assertEquals(List.of(new Skip(4, "page says 3 papers but lists 2")), sink.skips);
    assertEquals(
        List.of("Notes on the Analytical Engine", "Sketches of a Difference Engine"),
        sink.titles());
    assertEquals(List.of(6, 13), sink.lines());

    Paper notes = sink.papers().get(0);
    assertEquals(List.of("Ada Lovelace", "Charles Babbage"), notes.authors());
    assertEquals(List.of("https://github.com/ada/engine"), notes.links());
    assertTrue(notes.hasCode());
  }

  @Test
  void entry_without_abstract_is_kept() throws IOException {
    String page =
        """
        Ada Lovelace
        1 Papers

        CVFeb 2Code
        Sketches of a Difference Engine

        Charles Babbage et al. · cambridge
        """;
    CollectingSink sink = readText(parser, "ada.txt", page);
    assertEquals(List.of(), sink.skips);
    Paper p = sink.papers().get(0);
    assertNull(p.abstractText());
    assertEquals(List.of("Charles Babbage", "Ada Lovelace"), p.authors());
    assertTrue(p.authorsTruncated());
    assertEquals(List.of("cambridge"), p.affiliations());
    assertEquals(LocalDate.of(2026, 2, 2), p.date());
    assertTrue(p.yearInferred());
    assertTrue(p.hasCode());
    assertEquals(List.of(), p.links());
    assertEquals(List.of(new Source("ada.txt", "author-page", "Ada Lovelace")), p.sources());
  }

  @Test
  void entries_missing_their_author_line_or_title_are_skipped_with_their_line() throws IOException {
    String page =
        """
        Ada Lovelace
        3 Papers

        ROMar 3, 2020
        A Title Without Authors

        This abstract follows the title directly, with no author line between them, as a page should not.

        ROMar 4, 2020
        Ada Lovelace, Charles Babbage

        An abstract whose title is missing: the author line comes right after the header.

        ROMar 5, 2020
        A Complete Entry

        Ada Lovelace
        """;
    CollectingSink sink = readText(parser, "ada.txt", page);
    assertEquals(
        List.of(new Skip(4, "entry has no author line"), new Skip(9, "entry has no title")),
        sink.skips);
    assertEquals(List.of("A Complete Entry"), sink.titles());
    assertEquals(List.of(14), sink.lines());
    assertEquals(List.of("Ada Lovelace"), sink.papers().get(0).authors());
  }

  @Test
  void empty_file_gives_no_papers_and_no_skips() throws IOException {
    for (String text : List.of("", "\n\n  \n")) {
      CollectingSink sink = readText(parser, "empty.txt", text);
      assertEquals(List.of(), sink.reads);
      assertEquals(List.of(), sink.skips);
    }
  }

  @Test
  void accepts_author_pages_and_no_other_seed() throws IOException {
    assertTrue(parser.accepts(seedHead(JACKIE), JACKIE));
    assertTrue(parser.accepts(seedHead(KELSEY), KELSEY));
    for (String other :
        List.of(
            "001_d84297069a174ee1.txt", "002_412977c996442bcb.txt", "004_eae0defd86aa440c.txt")) {
      assertFalse(parser.accepts(seedHead(other), other), other);
    }
    assertFalse(parser.accepts("", "empty.txt"));
  }
}
