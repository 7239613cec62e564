package org.abstracta.indexer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperMergerTest {
  private static final String TITLE = "ThinkTuning: Instilling Cognitive Reflections";
  private static final Source DIGEST = new Source("001.txt", "daily-papers", null, "Oct 17");
  private static final Source ARXIV = new Source("arxiv.jsonl", "arxiv-json", null);

  /** A digest entry: no id, a date printed without a year ("Dec 9"), guessed as 2026. */
  private static Paper digest(LocalDate date, boolean yearInferred) {
    return Paper.builder()
        .id(PaperId.fromTitle(TITLE))
        .title(TITLE)
        .date(date)
        .yearInferred(yearInferred)
        .votes(12)
        .source(DIGEST)
        .build();
  }

  private static Paper arxiv() {
    return Paper.builder()
        .id("2508.07616")
        .title(TITLE)
        .authors(List.of("Aswin RRV", "Jacob Dineen"))
        .date(LocalDate.of(2025, 12, 9))
        .source(ARXIV)
        .build();
  }

  @Test
  void the_arxiv_date_wins_over_a_digest_year_that_was_guessed_in_either_order() {
    Paper guessed = digest(LocalDate.of(2026, 12, 9), true);
    for (Paper merged :
        List.of(PaperMerger.merge(guessed, arxiv()), PaperMerger.merge(arxiv(), guessed))) {
      assertEquals("2508.07616", merged.id());
      assertEquals(LocalDate.of(2025, 12, 9), merged.date());
      assertFalse(merged.yearInferred());
      assertEquals(2025, merged.year());
      assertEquals(12, merged.votes());
      assertEquals(List.of(DIGEST, ARXIV), merged.sources());
    }
  }

  @Test
  void the_arxiv_date_wins_over_a_digest_date_printed_with_its_year() {
    Paper printed = digest(LocalDate.of(2025, 12, 10), false);
    assertEquals(LocalDate.of(2025, 12, 9), PaperMerger.merge(printed, arxiv()).date());
    assertEquals(LocalDate.of(2025, 12, 9), PaperMerger.merge(arxiv(), printed).date());
  }

  @Test
  void a_digest_date_fills_in_when_the_arxiv_record_has_none() {
    Paper undated = arxiv().toBuilder().date(null).build();
    Paper merged = PaperMerger.merge(undated, digest(LocalDate.of(2026, 12, 9), true));
    assertEquals(LocalDate.of(2026, 12, 9), merged.date());
    assertEquals(true, merged.yearInferred());
  }

  @Test
  void an_input_read_before_it_had_a_title_is_listed_once_with_its_title() {
    Source untitled = new Source("001.txt", "daily-papers", null);
    Paper before = digest(LocalDate.of(2025, 12, 9), true).toBuilder().source(untitled).build();
    Paper now = digest(LocalDate.of(2025, 12, 9), true);
    assertEquals(List.of(DIGEST), PaperMerger.merge(before, now).sources());
    assertEquals(List.of(DIGEST), PaperMerger.merge(now, before).sources());
    assertEquals(
        List.of(DIGEST, ARXIV),
        PaperMerger.merge(PaperMerger.merge(before, arxiv()), now).sources());
  }
}
