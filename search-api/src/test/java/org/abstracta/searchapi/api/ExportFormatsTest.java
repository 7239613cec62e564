package org.abstracta.searchapi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.abstracta.searchapi.search.SeedIndex;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every export format over HTTP, on the seed corpus plus five arXiv records, read back with a real
 * parser of the format: Atom against RFC 4287's RELAX NG schema (Jing), BibTeX with jbibtex,
 * iCalendar with ical4j, RIS line by line, CSL-JSON with Jackson; exact field values.
 */
class ExportFormatsTest {
  static final String EPISTEMIC_ID = "t-ee369f20e7662e54";
  static final String TALK_ID = "t-293d41e8ddc70caf";

  static ApiServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ApiServer.over(SeedIndex.shared(SeedIndex.arxivSample()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> ok(String pathAndQuery) {
    HttpResponse<String> r = server.get(pathAndQuery);
    assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
    return r;
  }

  private static String header(HttpResponse<String> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  private static String q(String text) {
    return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  // ---- Atom

  @Test
  void an_atom_feed_of_a_query_is_valid_atom_with_an_entry_per_hit_newest_first() throws Exception {
    String query = q("reinforcement learning");
    HttpResponse<String> r = ok("/api/search?" + query + "&format=atom");
    assertEquals("application/atom+xml; charset=utf-8", header(r, "Content-Type"));
    assertEquals(
        "inline; filename=\"abstracta-reinforcement-learning.atom\"",
        header(r, "Content-Disposition"));
    assertEquals(List.of(), rngErrors(r.body()));

    Document feed = xml(r.body());
    List<Element> entries = children(feed.getDocumentElement(), "entry");
    List<String> newest = ids(json("/api/search?" + query + "&sort=newest"));
    assertEquals(10, newest.size());
    assertEquals(newest.size(), entries.size(), "as many entries as hits on the page");
    List<String> links = new ArrayList<>();
    for (Element e : entries) {
      links.add(link(e, "alternate"));
      assertFalse(children(e, "author").isEmpty(), "every entry has an author");
      assertEquals(1, children(e, "updated").size());
    }
    assertEquals(newest.stream().map(id -> server.base + "/papers/" + id).toList(), links);
    assertEquals(
        json("/api/search?" + query).get("total").asText(),
        text(feed.getDocumentElement(), "totalResults"));

    // The feed's id comes from the question: the same on every request, another for another one.
    String id = text(feed.getDocumentElement(), "id");
    assertTrue(id.startsWith("urn:uuid:"), id);
    assertEquals(
        id,
        text(xml(ok("/api/search?" + query + "&format=atom").body()).getDocumentElement(), "id"));
    String other = ok("/api/search?" + q("reward model") + "&format=atom").body();
    assertNotEquals(id, text(xml(other).getDocumentElement(), "id"));
    assertEquals(server.base + "/?" + query, link(feed.getDocumentElement(), "alternate"));
    assertEquals(
        server.base + "/api/search?" + query + "&format=atom",
        link(feed.getDocumentElement(), "self"));
  }

  @Test
  void an_atom_entry_carries_title_authors_summary_date_and_categories() throws Exception {
    Document feed = xml(ok("/api/search?" + q("\"epistemic injustice\"") + "&format=atom").body());
    assertEquals("Abstracta: “\"epistemic injustice\"”", text(feed.getDocumentElement(), "title"));
    Element e = children(feed.getDocumentElement(), "entry").getFirst();
    assertEquals("Epistemic Injustice in Generative AI", text(e, "title"));
    assertEquals(
        List.of("Jackie Kay", "Atoosa Kasirzadeh", "Shakir Mohamed"),
        children(e, "author").stream().map(a -> text(a, "name")).toList());
    assertEquals("2024-08-21T00:00:00Z", text(e, "updated"));
    assertEquals("2024-08-21T00:00:00Z", text(e, "published"));
    assertEquals(server.base + "/papers/" + EPISTEMIC_ID, link(e, "alternate"));
    Element category = children(e, "category").getFirst();
    assertEquals("cs.AI", category.getAttribute("term"));
    assertEquals("Artificial Intelligence", category.getAttribute("label"));
    assertEquals(paper(EPISTEMIC_ID).get("abstract").asText(), text(e, "summary"));
  }

  @Test
  void an_atom_feed_of_arxiv_papers_links_to_arxiv_and_sorts_as_asked() throws Exception {
    String body = ok("/api/search?source=arxiv-sample5.jsonl&sort=oldest&format=atom").body();
    assertEquals(List.of(), rngErrors(body));
    Element first = children(xml(body).getDocumentElement(), "entry").getFirst();
    assertEquals(
        ids(json("/api/search?source=arxiv-sample5.jsonl&sort=oldest")).getFirst(), "0704.0002");
    assertEquals("https://arxiv.org/abs/0704.0002", link(first, "related"));
    assertEquals("2007-03-31T00:00:00Z", text(first, "updated"));
  }

  @Test
  void the_schema_check_finds_what_a_feed_lacks() throws Exception {
    String noId =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title>"
            + "<updated>2024-01-01T00:00:00Z</updated></feed>";
    assertFalse(rngErrors(noId).isEmpty());
    String badDate =
        noId.replace("<title>", "<id>urn:x</id><title>").replace("2024-01-01T", "yesterday");
    assertFalse(rngErrors(badDate).isEmpty());
  }

  // ---- BibTeX

  @Test
  void bibtex_of_jackie_kays_papers_has_nineteen_entries_with_unique_keys() throws Exception {
    HttpResponse<String> r =
        ok("/api/search?" + q("author:\"Jackie Kay\"") + "&size=100&format=bibtex");
    assertEquals("application/x-bibtex; charset=utf-8", header(r, "Content-Type"));
    assertEquals(
        "attachment; filename=\"abstracta-author-jackie-kay.bib\"",
        header(r, "Content-Disposition"));
    BibTeXDatabase db = bibtex(r.body());
    assertEquals(19, db.getEntries().size(), "19 distinct keys");
    assertEquals(19, r.body().split("\n@misc\\{").length, "19 entries written");

    BibTeXEntry e = db.resolveEntry(new Key("kay2024epistemic"));
    assertEquals("Epistemic Injustice in Generative {AI}", field(e, "title"));
    assertEquals("Kay, Jackie and Kasirzadeh, Atoosa and Mohamed, Shakir", field(e, "author"));
    assertEquals("2024", field(e, "year"));
    assertEquals("August", field(e, "month"));
    assertEquals("cs.AI", field(e, "keywords"));
    assertEquals(server.base + "/papers/" + EPISTEMIC_ID, field(e, "url"));
    assertEquals(BibTeXEntry.TYPE_MISC, e.getType());
    // Keys are the same on every request and in another order.
    String newest =
        ok("/api/search?" + q("author:\"Jackie Kay\"") + "&size=100&sort=oldest&format=bibtex")
            .body();
    assertEquals(db.getEntries().keySet(), bibtex(newest).getEntries().keySet());
  }

  @Test
  void an_arxiv_papers_bibtex_carries_its_eprint_class_and_doi() throws Exception {
    HttpResponse<String> r = ok("/api/papers/0704.0001?format=bibtex");
    assertEquals("attachment; filename=\"0704.0001.bib\"", header(r, "Content-Disposition"));
    BibTeXEntry e = bibtex(r.body()).resolveEntry(new Key("balazs2007calculation"));
    assertEquals("0704.0001", field(e, "eprint"));
    assertEquals("arXiv", field(e, "archivePrefix"));
    assertEquals("hep-ph", field(e, "primaryClass"));
    assertEquals("10.1103/physrevd.76.013009", field(e, "doi"));
    assertEquals("https://arxiv.org/abs/0704.0001", field(e, "url"));
    assertEquals(
        "Balázs, C. and Berger, E. L. and Nadolsky, P. M. and Yuan, C.-P.", field(e, "author"));
    assertEquals(
        "Calculation of prompt diphoton production cross sections at Tevatron and {LHC} energies",
        field(e, "title"));
    assertEquals("2007", field(e, "year"));
    assertEquals("April", field(e, "month"));
  }

  @Test
  void a_guessed_year_is_said_to_be_guessed() throws Exception {
    // A digest paper dated "Apr 1": its year is inferred from the reference date (2026).
    String bridging = ids(json("/api/search?" + q("\"Bridging the Gap\""))).getFirst();
    JsonNode p = paper(bridging);
    assertTrue(p.get("yearInferred").asBoolean(), p.toString());
    BibTeXEntry e =
        bibtex(ok("/api/papers/" + bridging + "?format=bibtex").body())
            .getEntries()
            .values()
            .iterator()
            .next();
    assertEquals("Year inferred: the source printed the date without it", field(e, "note"));
    JsonNode csl =
        new ObjectMapper().readTree(ok("/api/papers/" + bridging + "?format=csl-json").body());
    assertTrue(csl.get(0).get("issued").get("circa").asBoolean());
    assertTrue(
        json("/api/search?" + q("\"Bridging the Gap\""))
            .get("hits")
            .get(0)
            .get("yearInferred")
            .asBoolean());
    assertFalse(
        json("/api/search?" + q("\"epistemic injustice\"")).get("hits").get(0).has("yearInferred"));
  }

  // ---- RIS

  @Test
  void ris_writes_one_tagged_line_per_field_ending_in_crlf() {
    HttpResponse<String> r = ok("/api/search?" + q("\"epistemic injustice\"") + "&format=ris");
    assertEquals("application/x-research-info-systems; charset=utf-8", header(r, "Content-Type"));
    assertEquals(
        "attachment; filename=\"abstracta-epistemic-injustice.ris\"",
        header(r, "Content-Disposition"));
    String body = r.body();
    assertTrue(body.endsWith("ER  - \r\n"), body);
    assertFalse(body.replace("\r\n", "").contains("\n"), "no bare line feed");
    List<String> lines = List.of(body.split("\r\n"));
    for (String line : lines) assertTrue(line.matches("[A-Z][A-Z0-9]  - .*"), line);
    String abstractText = paper(EPISTEMIC_ID).get("abstract").asText();
    assertEquals(
        List.of(
            "TY  - GEN",
            "ID  - kay2024epistemic",
            "TI  - Epistemic Injustice in Generative AI",
            "AU  - Kay, Jackie",
            "AU  - Kasirzadeh, Atoosa",
            "AU  - Mohamed, Shakir",
            "PY  - 2024",
            "DA  - 2024/08/21/",
            "AB  - " + abstractText,
            "KW  - cs.AI",
            "UR  - " + server.base + "/papers/" + EPISTEMIC_ID,
            "ER  - "),
        lines);
  }

  @Test
  void ris_of_an_arxiv_paper_is_unpublished_work_with_its_id() {
    List<String> lines = List.of(ok("/api/papers/0704.0001?format=ris").body().split("\r\n"));
    assertEquals("TY  - UNPB", lines.getFirst());
    assertTrue(lines.contains("DO  - 10.1103/physrevd.76.013009"), lines.toString());
    assertTrue(lines.contains("N1  - arXiv:0704.0001 [hep-ph]"), lines.toString());
    assertTrue(lines.contains("AU  - Balázs, C."), lines.toString());
  }

  // ---- CSL-JSON

  @Test
  void csl_json_gives_each_paper_as_citeproc_reads_it() throws Exception {
    HttpResponse<String> r = ok("/api/search?" + q("\"epistemic injustice\"") + "&format=csl-json");
    assertEquals(
        "application/vnd.citationstyles.csl+json; charset=utf-8", header(r, "Content-Type"));
    assertEquals(
        "attachment; filename=\"abstracta-epistemic-injustice.json\"",
        header(r, "Content-Disposition"));
    JsonNode items = new ObjectMapper().readTree(r.body());
    assertEquals(1, items.size());
    JsonNode item = items.get(0);
    assertEquals("kay2024epistemic", item.get("id").asText());
    assertEquals("article", item.get("type").asText());
    assertEquals("Epistemic Injustice in Generative AI", item.get("title").asText());
    assertEquals(
        "[{\"family\":\"Kay\",\"given\":\"Jackie\"},{\"family\":\"Kasirzadeh\",\"given\":\"Atoosa\"},"
            + "{\"family\":\"Mohamed\",\"given\":\"Shakir\"}]",
        item.get("author").toString());
    assertEquals("{\"date-parts\":[[2024,8,21]]}", item.get("issued").toString());
    assertEquals(paper(EPISTEMIC_ID).get("abstract").asText(), item.get("abstract").asText());
    assertEquals(server.base + "/papers/" + EPISTEMIC_ID, item.get("URL").asText());

    JsonNode arxiv =
        new ObjectMapper().readTree(ok("/api/papers/0704.0001?format=csl-json").body()).get(0);
    assertEquals("arXiv", arxiv.get("publisher").asText());
    assertEquals("arXiv:0704.0001", arxiv.get("number").asText());
    assertEquals("10.1103/physrevd.76.013009", arxiv.get("DOI").asText());
  }

  // ---- iCalendar

  @Test
  void the_talks_as_a_calendar_hold_one_event_at_its_time_with_a_stable_uid() throws Exception {
    HttpResponse<String> r = ok("/api/search?type=talk&format=ics");
    assertEquals("text/calendar; charset=utf-8", header(r, "Content-Type"));
    assertEquals("attachment; filename=\"abstracta-talk.ics\"", header(r, "Content-Disposition"));
    String body = r.body();
    assertTrue(body.endsWith("END:VCALENDAR\r\n"));
    assertFalse(body.replace("\r\n", "").contains("\n"), "every line ends in CRLF");
    for (String line : body.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + line);
    }
    Calendar calendar = new CalendarBuilder().build(new StringReader(body));
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertEquals(1, events.size());
    VEvent talk = events.getFirst();
    assertEquals(Instant.parse("2024-10-31T17:00:00Z"), instant(talk.getDateTimeStart().getDate()));
    assertEquals(Instant.parse("2024-10-31T18:00:00Z"), instant(talk.getDateTimeEnd().getDate()));
    assertEquals(TALK_ID + "@abstracta", value(talk, Property.UID));
    assertEquals(
        "Pluralistic Alignment through Personalized Reinforcement Learning from Human Feedback"
            + " - Natasha Jaques",
        value(talk, Property.SUMMARY));
    assertEquals(
        "https://cam-ac-uk.zoom.us/j/97599459216?pwd=QTRsOWZCOXRTREVnbTJBdXVpOXFvdz09",
        value(talk, Property.LOCATION));
    String description = value(talk, Property.DESCRIPTION);
    assertTrue(
        description.startsWith(
            "Speaker: Natasha Jaques (University of Washington)\n\nReinforcement Learning from"
                + " Human Feedback (RLHF) is a powerful paradigm"),
        description);
    assertTrue(description.contains("However, current RLHF techniques"), "commas unescaped");
    assertTrue(body.contains("However\\, current"), "commas escaped in the file");
    // The same talk, the same event (UID included) on every request; a search in this format
    // looks for talks, and the talk's own calendar holds the same event.
    assertEquals(body, ok("/api/search?type=talk&format=ics").body());
    assertEquals(events(body), events(ok("/api/search?format=ics").body()));
    assertEquals(events(body), events(ok("/api/papers/" + TALK_ID + "?format=ics").body()));
  }

  // ---- errors

  @Test
  void an_unknown_format_is_a_400_naming_it() {
    for (String path :
        List.of("/api/search?q=x&format=xml", "/api/papers/" + EPISTEMIC_ID + "?format=xml")) {
      HttpResponse<String> r = server.get(path);
      assertEquals(400, r.statusCode(), path);
      JsonNode error = ApiServer.json(r);
      assertEquals("invalid_parameter", error.get("error").asText());
      assertEquals("format", error.get("parameter").asText());
      assertEquals(
          "format must be one of json, atom, bibtex, ris, csl-json, ics; 'xml' is not a format",
          error.get("message").asText());
    }
    HttpResponse<String> notTalk = server.get("/api/papers/" + EPISTEMIC_ID + "?format=ics");
    assertEquals(400, notTalk.statusCode());
    assertEquals("format", ApiServer.json(notTalk).get("parameter").asText());
    assertEquals(200, server.get("/api/search?q=x&format=json").statusCode());
    assertEquals(404, server.get("/api/papers/no-such-paper?format=bibtex").statusCode());
  }

  // ---- helpers

  private static JsonNode json(String pathAndQuery) {
    return ApiServer.json(ok(pathAndQuery));
  }

  private static JsonNode paper(String id) {
    return json("/api/papers/" + id);
  }

  private static List<String> ids(JsonNode result) {
    List<String> out = new ArrayList<>();
    for (JsonNode h : result.get("hits")) out.add(h.get("id").asText());
    return out;
  }

  /** What RFC 4287's RELAX NG schema finds wrong with {@code xml}. */
  static List<String> rngErrors(String xml) throws Exception {
    List<String> errors = new ArrayList<>();
    ErrorHandler collect =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, collect);
    ValidationDriver driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    String schema = ExportFormatsTest.class.getResource("/atom/atom.rnc").toString();
    assertTrue(driver.loadSchema(new InputSource(schema)), "the schema loads: " + errors);
    boolean valid = driver.validate(new InputSource(new StringReader(xml)));
    if (!valid && errors.isEmpty()) errors.add("invalid");
    return errors;
  }

  static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getLocalName().equals(name)) out.add(e);
    }
    return out;
  }

  private static String text(Element parent, String name) {
    return children(parent, name).getFirst().getTextContent();
  }

  private static String link(Element parent, String rel) {
    return children(parent, "link").stream()
        .filter(l -> l.getAttribute("rel").equals(rel))
        .findFirst()
        .orElseThrow()
        .getAttribute("href");
  }

  /** Parses BibTeX, failing on any string (macro) it cannot resolve; months resolve. */
  static BibTeXDatabase bibtex(String text) throws Exception {
    BibTeXParser parser =
        new BibTeXParser() {
          @Override
          public void checkStringResolution(Key key, BibTeXString string) {
            if (string == null) throw new AssertionError("unresolved macro " + key.getValue());
          }
        };
    return parser.parse(new StringReader(text));
  }

  private static String field(BibTeXEntry e, String name) {
    assertTrue(e != null, "entry");
    var v = e.getField(new Key(name));
    return v == null ? null : v.toUserString();
  }

  private static Instant instant(Temporal t) {
    return Instant.from(t);
  }

  private static String value(VEvent e, String property) {
    return e.getProperty(property).orElseThrow().getValue();
  }

  /** The calendar's events as written, from the first BEGIN:VEVENT to the last END:VEVENT. */
  private static String events(String ics) {
    return ics.substring(ics.indexOf("BEGIN:VEVENT"), ics.lastIndexOf("END:VEVENT"));
  }
}
