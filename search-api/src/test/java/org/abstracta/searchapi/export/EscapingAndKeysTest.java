package org.abstracta.searchapi.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperType;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Each format's escaping of hostile text, and citation keys, on papers made here. */
class EscapingAndKeysTest {
  private static final String NASTY = "50% of {x} & $y_1^2$ ~ \\emph #3, \"q\"; <b>&amp;</b>\u0007";

  private static Export export(Paper... papers) {
    return new Export(
        List.of(papers),
        "Abstracta: test",
        "search?q=test",
        "abstracta-test",
        "http://example.org",
        "http://example.org/api/search?q=test&format=x",
        "http://example.org/?q=test",
        papers.length,
        Instant.parse("2026-11-22T10:00:00Z"));
  }

  private static Paper paper(String id, String title, String author, int year) {
    return Paper.builder()
        .id(id)
        .title(title)
        .authors(author == null ? List.of() : List.of(author))
        .date(LocalDate.of(year, 3, 4))
        .build();
  }

  @Test
  void bibtex_escapes_tex_characters_so_braces_balance_and_a_parser_reads_the_text_back()
      throws Exception {
    assertEquals(
        "50\\% of \\textbraceleft{}x\\textbraceright{} \\& \\$y\\_1\\textasciicircum{}2\\$"
            + " \\textasciitilde{} \\textbackslash{}emph \\#3, \"q\"; <b>\\&amp;</b>",
        BibTeX.escape(NASTY));
    Paper p =
        paper("t-1", NASTY + " and RLHF", "Ethics and Society", 2024).toBuilder()
            .abstractText("line one\n\nline } two {")
            .build();
    String bib = new BibTeX().write(export(p));
    BibTeXEntry e =
        new BibTeXParser().parse(new StringReader(bib)).getEntries().values().iterator().next();
    assertTrue(e.getField(new Key("title")).toUserString().endsWith(" and {RLHF}"), bib);
    assertEquals("{Society, Ethics and}", e.getField(new Key("author")).toUserString());
    assertEquals(
        "line one line \\textbraceright{} two \\textbraceleft{}",
        e.getField(new Key("abstract")).toUserString());
  }

  @Test
  void ics_escapes_text_and_folds_lines_at_75_octets_without_splitting_a_character()
      throws Exception {
    assertEquals("a\\,b\\;c\\\\d\\ne", ICalendar.escape("a,b;c\\d\ne"));
    String line = "DESCRIPTION:" + "é".repeat(40) + "😀".repeat(20) + "x".repeat(100);
    String folded = ICalendar.fold(line);
    for (String physical : folded.split("\r\n")) {
      assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
    }
    assertEquals(line, folded.replace("\r\n ", ""));

    Paper talk =
        Paper.builder()
            .id("t-talk")
            .type(PaperType.TALK)
            .title(NASTY)
            .speakers(List.of("Ada Lovelace"))
            .authors(List.of("Ada Lovelace"))
            .abstractText("First, this; then\nthat \\ done")
            .start(OffsetDateTime.parse("2025-01-02T09:30:00+01:00"))
            .location("Room 1, Building 2; Cambridge")
            .build();
    String ics = new ICalendar().write(export(talk, paper("t-2", "Not a talk", null, 2020)));
    VEvent event =
        new CalendarBuilder()
            .build(new StringReader(ics))
            .<VEvent>getComponents(Component.VEVENT)
            .getFirst();
    assertEquals(
        Instant.parse("2025-01-02T08:30:00Z"),
        Instant.from(event.getDateTimeStart().getDate()),
        "a time with an offset is written in UTC");
    assertEquals(
        "Room 1, Building 2; Cambridge",
        event.getProperty(Property.LOCATION).orElseThrow().getValue());
    assertTrue(
        event
            .getProperty(Property.DESCRIPTION)
            .orElseThrow()
            .getValue()
            .contains("First, this; then\nthat \\ done"));
    assertEquals(1, ics.split("BEGIN:VEVENT").length - 1, "papers are not events");
  }

  @Test
  void atom_escapes_markup_and_drops_characters_xml_cannot_carry() throws Exception {
    String xml = new AtomFeed().write(export(paper("t-1", NASTY, "A <b>", 2024)));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    assertEquals(
        NASTY.replace("\u0007", ""),
        doc.getElementsByTagNameNS(AtomFeed.ATOM, "entry")
            .item(0)
            .getFirstChild()
            .getTextContent());
    assertEquals(
        "A <b>", doc.getElementsByTagNameNS(AtomFeed.ATOM, "name").item(0).getTextContent());
  }

  @Test
  void ris_keeps_each_value_on_one_line() {
    Paper p =
        paper("t-1", "Title\nwrapped", "Ada Lovelace", 2024).toBuilder()
            .abstractText("a\r\nb\n\nc")
            .build();
    String ris = new Ris().write(export(p));
    assertTrue(ris.contains("TI  - Title wrapped\r\n"), ris);
    assertTrue(ris.contains("AB  - a b c\r\n"), ris);
    assertTrue(ris.contains("AU  - Lovelace, Ada\r\n"), ris);
  }

  @Test
  void equal_keys_get_letters_in_the_order_of_ids_whatever_the_order_of_results() {
    Paper a = paper("t-a", "The Sound of Music", "Julie Andrews", 1965);
    Paper b = paper("t-b", "Sound and fury", "Jules Andrews", 1965);
    Paper c = paper("t-c", "A different one", "Julie Andrews", 1965);
    List<String> forward = Citation.of(export(a, b, c)).stream().map(Citation::key).toList();
    assertEquals(
        List.of("andrews1965sounda", "andrews1965soundb", "andrews1965different"), forward);
    List<String> backward = Citation.of(export(c, b, a)).stream().map(Citation::key).toList();
    assertEquals(
        List.of("andrews1965different", "andrews1965soundb", "andrews1965sounda"), backward);
    assertEquals(
        "thinktuning2025", Citation.baseKey(paper("t-d", "ThinkTuning: more", null, 2025)));
    assertEquals(
        "carreira2024scaling",
        Citation.baseKey(paper("t-e", "Scaling 4D Representations", "João Carreira", 2024)));
  }

  @Test
  void names_split_into_family_and_given_names_with_particles_and_suffixes() {
    assertEquals(new PersonName("Jackie", "Kay", ""), PersonName.parse("Jackie Kay"));
    assertEquals(
        new PersonName("Sjoerd", "van Steenkiste", ""), PersonName.parse("Sjoerd van Steenkiste"));
    assertEquals(
        new PersonName("Martin Luther", "King", "Jr."), PersonName.parse("Martin Luther King Jr."));
    assertEquals("King, Jr., Martin Luther", PersonName.parse("Martin Luther King Jr.").inverted());
    assertEquals(new PersonName("Jackie", "Kay", ""), PersonName.parse("Kay, Jackie"));
    assertEquals(new PersonName("", "Plato", ""), PersonName.parse("Plato"));
    assertEquals(new PersonName("C.-P.", "Yuan", ""), PersonName.parse("C.-P. Yuan"));
  }

  @Test
  void file_names_are_ascii_slugs() {
    assertEquals("author-jackie-kay", Export.slug("author:\"Jackie Kay\""));
    assertEquals("perez-ortiz", Export.slug("Pérez-Ortiz"));
    assertEquals("hep-ph-0701001", Export.slug("hep-ph/0701001"));
    assertEquals("u", Export.slug("ü…"));
    assertEquals("", Export.slug("…"));
  }
}
