package org.abstracta.indexer.ingest.dailypapers;

import static org.abstracta.indexer.ingest.CollectingSink.readSeed;
import static org.abstracta.indexer.ingest.CollectingSink.readText;
import static org.abstracta.indexer.ingest.CollectingSink.seedHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.abstracta.indexer.ingest.CollectingSink;
import org.abstracta.indexer.ingest.CollectingSink.Skip;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.Source;
import org.junit.jupiter.api.Test;

class DailyPapersParserTest {
  private static final String WITH_METADATA = "001_d84297069a174ee1.txt";
  private static final String TITLES_AND_ABSTRACTS = "002_412977c996442bcb.txt";
  private final DailyPapersParser parser = new DailyPapersParser();

  /** A digest abstract: long enough that no one would take it for a title. */
  private static final String ABSTRACT =
      "We study a problem that many have studied before, and we study it again with more data. "
          .repeat(5)
          .strip();

  @Test
  void digest_with_metadata_has_eight_entries_and_no_skips() throws IOException {
    CollectingSink sink = readSeed(parser, WITH_METADATA);
    assertEquals(
        List.of(
            "Bridging the Gap: Integrating Ethics and Environmental Sustainability in AI Research"
                + " and Practice",
            "Catastrophic Interference is Mitigated in Naturalistic Power-Law Learning"
                + " Environments",
            "Representation-Based Exploration for Language Models: From Test-Time to Post-Training",
            "Chain of Thought Imitation with Procedure Cloning",
            "Inverse Dynamics Pretraining Learns Good Representations for Multitask Imitation",
            "ThinkTuning: Instilling Cognitive Reflections without Distillation",
            "An Emulator for Fine-Tuning Large Language Models using Small Language Models",
            "ASkDAgger: Active Skill-level Data Aggregation for Interactive Imitation Learning"),
        sink.titles());
    assertEquals(List.of(), sink.skips);
    assertEquals(List.of(13, 21, 29, 37, 45, 53, 61, 69), sink.lines());
  }

  @Test
  void author_counts_dates_and_votes_come_from_the_lines_after_the_abstract() throws IOException {
    List<Paper> papers = readSeed(parser, WITH_METADATA).papers();
    assertEquals(List.of(4, 4, 4, 4, 3, 7, 5, 4), papers.stream().map(Paper::authorCount).toList());
    assertEquals(
        List.of(
            LocalDate.of(2026, 4, 1),
            LocalDate.of(2024, 1, 18),
            LocalDate.of(2026, 10, 13),
            LocalDate.of(2022, 5, 22),
            LocalDate.of(2023, 5, 26),
            LocalDate.of(2026, 8, 11),
            LocalDate.of(2023, 10, 19),
            LocalDate.of(2026, 8, 7)),
        papers.stream().map(Paper::date).toList());
    assertEquals(
        List.of(true, false, true, false, false, true, false, true),
        papers.stream().map(Paper::yearInferred).toList());
    assertEquals(
        Arrays.asList(null, null, null, null, null, null, 1, null),
        papers.stream().map(Paper::votes).toList());
  }

  @Test
  void digest_date_before_the_first_entry_is_not_a_paper() throws IOException {
    CollectingSink sink = readSeed(parser, WITH_METADATA);
    assertFalse(sink.titles().contains("Oct 17"));
    assertEquals(LocalDate.of(2026, 4, 1), sink.papers().get(0).date(), "not Oct 17");
    assertTrue(
        readSeed(parser, TITLES_AND_ABSTRACTS).papers().stream().allMatch(p -> p.date() == null),
        "Mar 11 is the digest's date");
  }

  @Test
  void abstracts_links_and_code_are_read() throws IOException {
    CollectingSink sink = readSeed(parser, WITH_METADATA);
    Paper thinkTuning =
        sink.titled("ThinkTuning: Instilling Cognitive Reflections without Distillation");
    assertTrue(thinkTuning.hasCode());
    assertEquals(List.of("https://github.com/3rdAT/ThinkTuning"), thinkTuning.links());
    assertTrue(
        thinkTuning
            .abstractText()
            .startsWith("Recent advances in test-time scaling have led to the emergence"));
    assertEquals(
        List.of(
            "ThinkTuning: Instilling Cognitive Reflections without Distillation",
            "ASkDAgger: Active Skill-level Data Aggregation for Interactive Imitation Learning"),
        sink.papers().stream().filter(Paper::hasCode).map(Paper::title).toList());
    assertEquals(
        List.of(new Source(WITH_METADATA, "daily-papers", null, "Oct 17")), thinkTuning.sources());
    assertEquals("Daily papers, Oct 17", thinkTuning.sources().getFirst().label());
    assertEquals(PaperId.fromTitle(thinkTuning.title()), thinkTuning.id());
    assertTrue(sink.papers().stream().allMatch(p -> p.authors().isEmpty()));
  }

  @Test
  void digest_of_titles_and_abstracts_has_forty_eight_entries() throws IOException {
    CollectingSink sink = readSeed(parser, TITLES_AND_ABSTRACTS);
    assertEquals(48, sink.reads.size());
    assertEquals(List.of(), sink.skips);
    // No "Daily Papers" line, but its own date before the first entry.
    assertEquals("Daily papers, Mar 11", sink.papers().getFirst().sources().getFirst().label());
    assertEquals(
        "AURORA:Automated Training Framework of Universal Process Reward Models via Ensemble"
            + " Prompting and Reverse Verification",
        sink.titles().get(0));
    assertEquals(
        "Stable Bias: Analyzing Societal Representations in Diffusion Models",
        sink.titles().get(47));
    assertEquals(11, sink.lines().get(0));
    assertEquals(199, sink.lines().get(47));
    for (Paper p : sink.papers()) {
      assertTrue(p.abstractText() != null && p.abstractText().length() > 1000, p.title());
      assertNull(p.authorCount());
      assertNull(p.votes());
    }
    Paper stl = sink.titled("Diverse Controllable Diffusion Policy with Signal Temporal Logic");
    assertTrue(stl.hasCode());
    assertEquals(List.of("https://github.com/mengyuest/pSTL-diffusion-policy"), stl.links());
    Paper cfg = sink.titled("Diversity-Rewarded CFG Distillation");
    assertFalse(cfg.hasCode(), "a project page is not code");
    assertEquals(
        List.of("https://google-research.github.io/seanet/musiclm/diverse_music/"), cfg.links());
  }

  @Test
  void entries_missing_optional_lines_are_read() throws IOException {
    String digest =
        """
        Daily Papers

        Jan 3

        Only an Author Count

        %1$s

          • 2 authors

        Only a Date

        %1$s

        Feb 29, 2024 12

        A Title Alone

        Everything After the Separator

        %1$s

        ·
        Mar 1
        """
            .formatted(ABSTRACT);
    CollectingSink sink = readText(parser, "digest.txt", digest);
    assertEquals(List.of(), sink.skips);
    assertEquals(
        List.of(
            "Only an Author Count",
            "Only a Date",
            "A Title Alone",
            "Everything After the Separator"),
        sink.titles());
    assertEquals(List.of(5, 11, 17, 19), sink.lines());
    List<Paper> p = sink.papers();

    assertEquals(2, p.get(0).authorCount());
    assertNull(p.get(0).date());
    assertEquals(ABSTRACT, p.get(0).abstractText());

    assertNull(p.get(1).authorCount());
    assertEquals(LocalDate.of(2024, 2, 29), p.get(1).date());
    assertEquals(12, p.get(1).votes());

    assertNull(p.get(2).abstractText());
    assertNull(p.get(2).date());

    assertEquals(LocalDate.of(2026, 3, 1), p.get(3).date());
    assertTrue(p.get(3).yearInferred());
  }

  @Test
  void abstract_without_a_title_is_skipped_with_its_line() throws IOException {
    String digest =
        """
        Daily Papers

        %1$s

        A Proper Entry

        %1$s
        """
            .formatted(ABSTRACT);
    CollectingSink sink = readText(parser, "digest.txt", digest);
    assertEquals(List.of(new Skip(3, "abstract without a title")), sink.skips);
    assertEquals(List.of("A Proper Entry"), sink.titles());
  }

  @Test
  void numbers_too_large_for_a_count_do_not_stop_the_reader() throws IOException {
    String digest =
        """
        A Paper With Absurd Numbers

        %1$s

          • 99999999999 authors
        ·
        Oct 19, 2023 99999999999

        A Second Paper

        %1$s
        """
            .formatted(ABSTRACT);
    CollectingSink sink = readText(parser, "digest.txt", digest);
    // The vote count does not fit an int, so the line is no date: it reads as a title-only entry.
    assertEquals(
        List.of("A Paper With Absurd Numbers", "Oct 19, 2023 99999999999", "A Second Paper"),
        sink.titles());
    assertNull(sink.papers().get(0).authorCount());
    assertEquals(List.of(), sink.skips);
  }

  @Test
  void empty_file_gives_no_papers_and_no_skips() throws IOException {
    for (String text : List.of("", "\n \n", "new\n\nSubscribe\n\nOct 17\n")) {
      CollectingSink sink = readText(parser, "empty.txt", text);
      assertEquals(List.of(), sink.reads, text);
      assertEquals(List.of(), sink.skips, text);
    }
  }

  @Test
  void accepts_digests_by_their_header_or_their_shape() throws IOException {
    assertTrue(parser.accepts(seedHead(WITH_METADATA), WITH_METADATA));
    assertTrue(parser.accepts(seedHead(TITLES_AND_ABSTRACTS), TITLES_AND_ABSTRACTS));
    String headerless = "First Title\n\n" + ABSTRACT + "\n\nSecond Title\n\n" + ABSTRACT + "\n";
    assertTrue(parser.accepts(headerless, "digest.txt"));
    for (String other :
        List.of(
            "000_21cd7a5341c6c0d1.txt", "003_a1e67528ce730cb1.txt", "004_eae0defd86aa440c.txt")) {
      assertFalse(parser.accepts(seedHead(other), other), other);
    }
    assertFalse(parser.accepts("", "empty.txt"));
  }
}
