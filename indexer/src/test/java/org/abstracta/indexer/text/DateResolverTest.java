package org.abstracta.indexer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.abstracta.indexer.text.DateResolver.PrintedDate;
import org.junit.jupiter.api.Test;

/** {@link DateResolver}: the dates listing pages print, with and without a year. */
class DateResolverTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
  private final DateResolver dates = new DateResolver(AS_OF);

  @Test
  void date_with_year_and_vote_count_gives_both() {
    PrintedDate d = dates.parseLine("Oct 19, 2023 1");
    assertEquals(new PrintedDate(LocalDate.of(2023, 10, 19), false, 1), d);
  }

  @Test
  void date_with_year_and_no_votes_has_null_votes() {
    assertEquals(
        new PrintedDate(LocalDate.of(2023, 3, 29), false, null), dates.parseLine("Mar 29, 2023"));
  }

  @Test
  void date_without_year_earlier_in_the_year_takes_the_reference_year() {
    PrintedDate d = dates.parseLine("Jan 20");
    assertEquals(LocalDate.of(2026, 1, 20), d.date());
    assertTrue(d.yearInferred());
    assertNull(d.votes());
  }

  @Test
  void date_without_year_later_in_the_year_takes_the_year_before() {
    assertEquals(
        new PrintedDate(LocalDate.of(2025, 12, 25), true, null), dates.parseLine("Dec 25"));
  }

  @Test
  void date_without_year_on_the_reference_day_is_that_day() {
    assertEquals(LocalDate.of(2026, 11, 22), dates.parseLine("Nov 22").date());
    assertEquals(LocalDate.of(2025, 11, 23), dates.parseLine("Nov 23").date());
  }

  @Test
  void february_29_without_year_takes_the_last_leap_year_on_or_before_the_reference_date() {
    assertEquals(new PrintedDate(LocalDate.of(2024, 2, 29), true, null), dates.parseLine("Feb 29"));
    assertEquals(
        LocalDate.of(2024, 2, 29),
        new DateResolver(LocalDate.of(2024, 2, 29)).parseLine("Feb 29").date());
    assertEquals(
        LocalDate.of(2020, 2, 29),
        new DateResolver(LocalDate.of(2024, 2, 28)).parseLine("Feb 29").date());
  }

  @Test
  void date_without_year_with_vote_count_gives_both() {
    assertEquals(new PrintedDate(LocalDate.of(2026, 5, 3), true, 12), dates.parseLine("May 3 12"));
  }

  @Test
  void full_and_dotted_month_names_are_read() {
    assertEquals(LocalDate.of(2024, 9, 5), dates.parseLine("September 5, 2024").date());
    assertEquals(LocalDate.of(2026, 9, 5), dates.parseLine("Sept 5").date());
    assertEquals(LocalDate.of(2026, 9, 5), dates.parseLine("Sep. 5").date());
    assertEquals(LocalDate.of(2026, 6, 1), dates.parseLine("June 1").date());
  }

  @Test
  void white_space_around_a_line_is_ignored() {
    assertEquals(LocalDate.of(2026, 1, 20), dates.parseLine("  Jan 20 \n").date());
  }

  @Test
  void impossible_days_are_not_dates() {
    assertNull(dates.parseLine("Feb 30"));
    assertNull(dates.parseLine("Feb 29, 2023"));
    assertNull(dates.parseLine("Jan 32"));
    assertNull(dates.parseLine("Apr 31, 2024"));
  }

  @Test
  void lines_that_are_not_exactly_a_date_are_not_dates() {
    assertNull(dates.parseLine("hello"));
    assertNull(dates.parseLine(""));
    assertNull(dates.parseLine("Oct 19, 2023 1 2"));
    assertNull(dates.parseLine("Mar 29, 2023Code"));
    assertNull(dates.parseLine("We present Mar 29"));
    assertNull(dates.parseLine("19 Oct 2023"));
  }

  @Test
  void words_that_merely_begin_like_a_month_are_not_dates() {
    assertNull(dates.parseLine("Mayday 2"));
    assertNull(dates.parseLeading("Marvel 2 is a sequel"));
    assertNull(dates.parseLeading("Decoding 3D scenes from images"));
    assertEquals(0, DateResolver.leadingDateLength("Decoding 3D scenes"));
  }

  @Test
  void a_vote_count_too_large_for_an_int_is_not_a_vote_count() {
    assertNull(dates.parseLine("Oct 19, 2023 99999999999"));
  }

  @Test
  void leading_date_is_read_before_the_text_that_follows_it() {
    PrintedDate d = dates.parseLeading("Mar 29, 2023Code");
    assertEquals(new PrintedDate(LocalDate.of(2023, 3, 29), false, null), d);
    assertEquals(12, DateResolver.leadingDateLength("Mar 29, 2023Code"));
  }

  @Test
  void leading_date_without_year_is_inferred() {
    assertEquals(
        new PrintedDate(LocalDate.of(2026, 1, 20), true, null), dates.parseLeading("Jan 20Code"));
    assertEquals(6, DateResolver.leadingDateLength("Jan 20Code"));
  }

  @Test
  void leading_date_does_not_take_digits_that_run_on() {
    assertNull(dates.parseLeading("Mar 292023"));
    assertEquals(0, DateResolver.leadingDateLength("Mar 292023"));
  }

  @Test
  void leading_text_that_is_not_a_date_gives_null_and_length_zero() {
    assertNull(dates.parseLeading("Code"));
    assertNull(dates.parseLeading(""));
    assertEquals(0, DateResolver.leadingDateLength("A title"));
  }

  @Test
  void printed_year_is_not_marked_inferred() {
    assertFalse(dates.parseLeading("Oct 19, 2023").yearInferred());
  }
}
