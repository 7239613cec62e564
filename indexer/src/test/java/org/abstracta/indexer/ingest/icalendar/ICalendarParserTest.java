package org.abstracta.indexer.ingest.icalendar;

import static org.abstracta.indexer.ingest.CollectingSink.readSeed;
import static org.abstracta.indexer.ingest.CollectingSink.readText;
import static org.abstracta.indexer.ingest.CollectingSink.seedHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.abstracta.indexer.ingest.CollectingSink;
import org.abstracta.indexer.ingest.CollectingSink.Skip;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.PaperType;
import org.abstracta.indexer.model.Source;
import org.junit.jupiter.api.Test;

class ICalendarParserTest {
  private static final String SEED = "004_eae0defd86aa440c.txt";
  private static final String TITLE =
      "Pluralistic Alignment through Personalized Reinforcement Learning from Human Feedback";
  private static final String ZOOM =
      "https://cam-ac-uk.zoom.us/j/97599459216?pwd=QTRsOWZCOXRTREVnbTJBdXVpOXFvdz09";
  private final ICalendarParser parser = new ICalendarParser();

  @Test
  void seminar_calendar_has_one_talk_starting_at_its_vevent() throws IOException {
    CollectingSink sink = readSeed(parser, SEED);
    assertEquals(List.of(TITLE), sink.titles());
    assertEquals(List.of(5), sink.lines());
    assertEquals(List.of(), sink.skips);
  }

  @Test
  void summary_gives_title_speaker_and_affiliation() throws IOException {
    Paper talk = readSeed(parser, SEED).papers().get(0);
    assertEquals(PaperType.TALK, talk.type());
    assertEquals(TITLE, talk.title());
    assertEquals(List.of("Natasha Jaques"), talk.speakers());
    assertEquals(List.of("Natasha Jaques"), talk.authors());
    assertEquals(List.of("University of Washington"), talk.affiliations());
    assertEquals(PaperId.fromTitle(TITLE), talk.id());
    assertEquals(List.of(new Source(SEED, "icalendar", null, "Talks.cam")), talk.sources());
    assertEquals("Talks.cam calendar", talk.sources().getFirst().label());
  }

  @Test
  void description_splits_into_abstract_and_bio() throws IOException {
    Paper talk = readSeed(parser, SEED).papers().get(0);
    assertTrue(
        talk.abstractText()
            .startsWith(
                "Reinforcement Learning from Human Feedback (RLHF) is a powerful paradigm for"
                    + " aligning foundation models to human values and preferences. However,"
                    + " current RLHF techniques"),
        talk.abstractText());
    assertTrue(
        talk.abstractText().endsWith("from robot learning to foundation model alignment."),
        talk.abstractText());
    assertTrue(
        talk.bio()
            .startsWith(
                "Natasha Jaques is an Assistant Professor of Computer Science and Engineering at"
                    + " the University of Washington, and a Senior Research Scientist at Google"
                    + " DeepMind."),
        talk.bio());
    assertTrue(
        talk.bio()
            .endsWith(
                "undergraduate degrees in Computer Science and Psychology from the University of"
                    + " Regina."),
        talk.bio());
    assertTrue(talk.bio().contains("OpenAI’s series of work"), talk.bio());
  }

  @Test
  void times_location_and_links_are_read() throws IOException {
    Paper talk = readSeed(parser, SEED).papers().get(0);
    assertEquals(OffsetDateTime.of(2024, 10, 31, 17, 0, 0, 0, ZoneOffset.UTC), talk.start());
    assertEquals(OffsetDateTime.of(2024, 10, 31, 18, 0, 0, 0, ZoneOffset.UTC), talk.end());
    assertEquals(LocalDate.of(2024, 10, 31), talk.date());
    assertFalse(talk.yearInferred());
    assertEquals(ZOOM, talk.location());
    assertEquals(List.of(ZOOM), talk.links(), "the UID is not a URL, so not a link");
    assertFalse(talk.hasCode());
  }

  @Test
  void folded_lines_with_escapes_are_unfolded_and_unescaped() throws IOException {
    String calendar =
        "BEGIN:VCALENDAR\r\n"
            + "BEGIN:VEVENT\r\n"
            + "SUMMARY:Graphs\\, Groups\\; and Games - Ada \r\n"
            + " Lovelace\\, University of London\r\n"
            + "DESCRIPTION:Abstract: We play\\ngames on graphs. Code: https://github.com/ada/ga\r\n"
            + "\tmes\\n\\nBio: Ada writes programs\\; many.\r\n"
            + "DTSTART;VALUE=DATE:20250310\r\n"
            + "LOCATION:Room 1\\, Building 2 \\\\ Floor 3\r\n"
            + "END:VEVENT\r\n"
            + "END:VCALENDAR\r\n";
    CollectingSink sink = readText(parser, "talks.ics", calendar);
    assertEquals(List.of(), sink.skips);
    Paper talk = sink.papers().get(0);
    assertEquals("Graphs, Groups; and Games", talk.title());
    assertEquals(List.of("Ada Lovelace"), talk.speakers());
    assertEquals(List.of("University of London"), talk.affiliations());
    assertEquals(
        "We play games on graphs. Code: https://github.com/ada/games", talk.abstractText());
    assertEquals("Ada writes programs; many.", talk.bio());
    assertEquals(List.of("https://github.com/ada/games"), talk.links());
    assertTrue(talk.hasCode());
    assertEquals("Room 1, Building 2 \\ Floor 3", talk.location());
    assertEquals(OffsetDateTime.of(2025, 3, 10, 0, 0, 0, 0, ZoneOffset.UTC), talk.start());
    assertEquals(LocalDate.of(2025, 3, 10), talk.date());
    assertNull(talk.end());
  }

  @Test
  void local_times_with_tzid_are_converted_through_the_zone() throws IOException {
    String calendar =
        """
        BEGIN:VCALENDAR
        BEGIN:VTIMEZONE
        TZID:Europe/London
        BEGIN:STANDARD
        DTSTART:19701025T020000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0000
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        SUMMARY:Summer Talk - Grace Hopper
        DTSTART;TZID=Europe/London:20240612T170000
        DTEND;TZID="/citadel.org/20190914_1/Europe/London":20240612T180000
        BEGIN:VALARM
        ACTION:DISPLAY
        DESCRIPTION:Reminder
        END:VALARM
        DESCRIPTION;ALTREP="cid:part1.0001@example.org":No markers here.
        END:VEVENT
        BEGIN:VEVENT
        SUMMARY:Winter Talk
        DTSTART;TZID=Europe/London:20241212T170000
        DURATION:PT1H30M
        END:VEVENT
        END:VCALENDAR
        """;
    CollectingSink sink = readText(parser, "talks.ics", calendar);
    assertEquals(List.of(), sink.skips);
    assertEquals(List.of("Summer Talk", "Winter Talk"), sink.titles());
    assertEquals(List.of(10, 20), sink.lines());

    Paper summer = sink.papers().get(0);
    ZoneOffset bst = ZoneOffset.ofHours(1);
    assertEquals(OffsetDateTime.of(2024, 6, 12, 17, 0, 0, 0, bst), summer.start());
    assertEquals(OffsetDateTime.of(2024, 6, 12, 18, 0, 0, 0, bst), summer.end());
    assertEquals(List.of("Grace Hopper"), summer.speakers());
    assertEquals(List.of(), summer.affiliations());
    assertEquals("No markers here.", summer.abstractText(), "not the alarm's description");
    assertNull(summer.bio());

    Paper winter = sink.papers().get(1);
    assertEquals(OffsetDateTime.of(2024, 12, 12, 17, 0, 0, 0, ZoneOffset.UTC), winter.start());
    assertEquals(OffsetDateTime.of(2024, 12, 12, 18, 30, 0, 0, ZoneOffset.UTC), winter.end());
    assertEquals(List.of(), winter.speakers());
    assertEquals(List.of(), winter.authors());
  }

  @Test
  void event_without_summary_is_skipped_with_its_line() throws IOException {
    String calendar =
        """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        DTSTART:20240101T100000Z
        END:VEVENT
        BEGIN:VEVENT
        SUMMARY:Kept - Someone
        UID:https://talks.example.org/talk/42
        END:VEVENT
        END:VCALENDAR
        """;
    CollectingSink sink = readText(parser, "talks.ics", calendar);
    assertEquals(List.of(new Skip(2, "event has no SUMMARY")), sink.skips);
    assertEquals(List.of("Kept"), sink.titles());
    assertEquals(List.of(5), sink.lines());
    Paper kept = sink.papers().get(0);
    assertEquals(PaperId.fromTitle("Kept"), kept.id(), "the UID never becomes the id");
    assertEquals(List.of("https://talks.example.org/talk/42"), kept.links());
  }

  @Test
  void empty_file_gives_no_papers_and_no_skips() throws IOException {
    for (String text : List.of("", "\r\n", "BEGIN:VCALENDAR\nEND:VCALENDAR\n")) {
      CollectingSink sink = readText(parser, "empty.ics", text);
      assertEquals(List.of(), sink.reads);
      assertEquals(List.of(), sink.skips);
    }
  }

  @Test
  void accepts_calendars_only() throws IOException {
    assertTrue(parser.accepts(seedHead(SEED), SEED));
    assertTrue(parser.accepts("\uFEFF\n  BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "x.txt"));
    for (String other :
        List.of(
            "000_21cd7a5341c6c0d1.txt",
            "001_d84297069a174ee1.txt",
            "002_412977c996442bcb.txt",
            "003_a1e67528ce730cb1.txt")) {
      assertFalse(parser.accepts(seedHead(other), other), other);
    }
    assertFalse(parser.accepts("", "empty.ics"));
  }
}
