package org.abstracta.searchapi.export;

import java.util.Locale;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.Subject;

/**
 * RIS (Research Information Systems), as reference managers import it: one record per paper, each
 * line a two-letter tag, two spaces, a hyphen, a space and the value, ending in CRLF; a record
 * starts with {@code TY} and ends with {@code ER}. Values are one line each (line breaks in an
 * abstract become spaces). arXiv papers are unpublished work ({@code UNPB}), talks presentations
 * ({@code SLIDE}), other papers generic ({@code GEN}).
 */
public final class Ris implements ExportFormat {
  static final String CRLF = "\r\n";

  @Override
  public String name() {
    return "ris";
  }

  @Override
  public String mediaType() {
    return "application/x-research-info-systems; charset=utf-8";
  }

  @Override
  public String extension() {
    return "ris";
  }

  @Override
  public String write(Export export) {
    StringBuilder out = new StringBuilder();
    for (Citation c : Citation.of(export)) record(c, out);
    return out.toString();
  }

  private static void record(Citation c, StringBuilder out) {
    Paper p = c.paper();
    tag(out, "TY", c.talk() ? "SLIDE" : c.arxivId() != null ? "UNPB" : "GEN");
    tag(out, "ID", c.key());
    tag(out, "TI", p.title());
    for (PersonName n : c.authors()) tag(out, "AU", n.inverted());
    if (p.date() != null) {
      tag(out, "PY", Integer.toString(p.date().getYear()));
      tag(
          out,
          "DA",
          String.format(
              Locale.ROOT,
              "%04d/%02d/%02d/",
              p.date().getYear(),
              p.date().getMonthValue(),
              p.date().getDayOfMonth()));
    }
    if (p.abstractText() != null) tag(out, "AB", p.abstractText());
    for (Subject s : p.subjects()) tag(out, "KW", s.code());
    if (p.doi() != null) tag(out, "DO", p.doi());
    tag(out, "UR", c.url());
    if (c.arxivId() != null) {
      tag(out, "PB", "arXiv");
      String primary = c.primaryClass();
      tag(out, "N1", "arXiv:" + c.arxivId() + (primary == null ? "" : " [" + primary + "]"));
    }
    if (c.talk() && p.location() != null) tag(out, "CY", p.location());
    if (c.moreAuthors()) tag(out, "N1", "Authors listed only in part (et al.)");
    if (p.yearInferred()) tag(out, "N1", "Year inferred: the source printed the date without it");
    out.append("ER  - ").append(CRLF);
  }

  private static void tag(StringBuilder out, String tag, String value) {
    String v = Text.oneLine(value);
    if (v.isEmpty()) return;
    out.append(tag).append("  - ").append(v).append(CRLF);
  }
}
