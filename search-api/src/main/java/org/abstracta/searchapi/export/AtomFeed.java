package org.abstracta.searchapi.export;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.PaperType;
import org.abstracta.indexer.model.Subject;

/**
 * An Atom 1.0 feed (RFC 4287) of a search: one entry per result, with title, authors, the abstract
 * as summary, a link to the paper's page, a date and the subjects as categories. The feed's id is
 * derived from the question (its {@link Export#key()}), each entry's from the paper's id, so both
 * stay the same on every run and machine; ids are {@code urn:uuid:} names (RFC 4122, version 3).
 * The XML writer escapes all text; characters XML cannot carry are dropped first.
 */
public final class AtomFeed implements ExportFormat {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

  /** The scheme of arXiv's own category terms in its Atom feeds. */
  static final String ARXIV_SCHEME = "http://arxiv.org/schemas/atom";

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Override
  public String name() {
    return "atom";
  }

  @Override
  public String mediaType() {
    return "application/atom+xml; charset=utf-8";
  }

  @Override
  public String extension() {
    return "atom";
  }

  @Override
  public boolean inline() {
    return true;
  }

  @Override
  public boolean newestFirst() {
    return true;
  }

  @Override
  public String write(Export export) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
      x.writeStartDocument("utf-8", "1.0");
      x.writeCharacters("\n");
      x.setDefaultNamespace(ATOM);
      x.writeStartElement(ATOM, "feed");
      x.writeDefaultNamespace(ATOM);
      x.writeNamespace("opensearch", OPENSEARCH);
      element(x, "title", export.title());
      element(x, "id", urn("abstracta:" + export.key()));
      element(x, "updated", RFC3339.format(export.generated()));
      link(x, "self", "application/atom+xml", export.selfUrl());
      link(x, "alternate", "text/html", export.pageUrl());
      x.writeStartElement(ATOM, "generator");
      x.writeAttribute("uri", export.baseUrl() + "/");
      x.writeCharacters("Abstracta");
      x.writeEndElement();
      x.writeStartElement(OPENSEARCH, "totalResults");
      x.writeCharacters(Long.toString(export.total()));
      x.writeEndElement();
      for (Paper p : export.papers()) entry(x, p, export);
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to a string cannot fail", e);
    }
    return text + "\n";
  }

  private static void entry(XMLStreamWriter x, Paper p, Export export) throws XMLStreamException {
    x.writeStartElement(ATOM, "entry");
    element(x, "title", p.title());
    element(x, "id", urn("abstracta:paper:" + p.id()));
    link(x, "alternate", "text/html", export.paperUrl(p));
    String arxiv = PaperId.arxiv(p.id());
    if (arxiv != null) link(x, "related", "text/html", "https://arxiv.org/abs/" + arxiv);
    if (p.doi() != null) link(x, "related", null, "https://doi.org/" + p.doi());
    Instant when = when(p);
    element(x, "updated", RFC3339.format(when == null ? export.generated() : when));
    if (when != null) element(x, "published", RFC3339.format(when));
    List<String> people =
        p.type() == PaperType.TALK && !p.speakers().isEmpty() ? p.speakers() : p.authors();
    if (people.isEmpty()) {
      // Every entry has an author (the feed has none of its own): say what is known.
      author(x, p.authorCount() == null ? "Unknown authors" : p.authorCount() + " authors");
    }
    for (String name : people) author(x, name);
    for (Subject s : p.subjects()) {
      x.writeEmptyElement(ATOM, "category");
      x.writeAttribute("term", Text.clean(s.code()));
      x.writeAttribute("scheme", ARXIV_SCHEME);
      if (s.label() != null) x.writeAttribute("label", Text.clean(s.label()));
    }
    if (p.abstractText() != null) {
      x.writeStartElement(ATOM, "summary");
      x.writeAttribute("type", "text");
      x.writeCharacters(Text.clean(p.abstractText()));
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  /** A talk's start, else the paper's date at midnight UTC, else null. */
  private static Instant when(Paper p) {
    if (p.start() != null) return p.start().toInstant();
    return p.date() == null ? null : p.date().atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static void author(XMLStreamWriter x, String name) throws XMLStreamException {
    x.writeStartElement(ATOM, "author");
    element(x, "name", name);
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(ATOM, name);
    x.writeCharacters(Text.clean(text));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String type, String href)
      throws XMLStreamException {
    x.writeEmptyElement(ATOM, "link");
    x.writeAttribute("rel", rel);
    if (type != null) x.writeAttribute("type", type);
    x.writeAttribute("href", Text.clean(href));
  }

  /** A stable IRI for a name: the same name gives the same {@code urn:uuid:} everywhere. */
  static String urn(String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
