package org.abstracta.searchapi.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperType;

/**
 * iCalendar (RFC 5545): one {@code VEVENT} per talk that has a start time; papers are left out.
 * Times are UTC ({@code 20241031T170000Z}), so every calendar program places them right. The {@code
 * UID} is the talk's id, the same on every run. Text values escape backslash, comma, semicolon and
 * line breaks; lines end in CRLF and are folded at 75 octets, never inside a character.
 */
public final class ICalendar implements ExportFormat {
  static final String CRLF = "\r\n";
  static final int MAX_OCTETS = 75;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Override
  public String name() {
    return "ics";
  }

  @Override
  public String mediaType() {
    return "text/calendar; charset=utf-8";
  }

  @Override
  public String extension() {
    return "ics";
  }

  @Override
  public boolean talksOnly() {
    return true;
  }

  @Override
  public String write(Export export) {
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VCALENDAR");
    lines.add("VERSION:2.0");
    lines.add("PRODID:-//Abstracta//Abstracta search//EN");
    lines.add("CALSCALE:GREGORIAN");
    lines.add("METHOD:PUBLISH");
    lines.add("X-WR-CALNAME:" + escape(export.title()));
    for (Paper p : export.papers()) {
      if (!holds(p)) continue;
      lines.add("BEGIN:VEVENT");
      lines.add("UID:" + escape(p.id()) + "@abstracta");
      lines.add("DTSTAMP:" + UTC.format(export.generated()));
      lines.add("DTSTART:" + utc(p.start()));
      if (p.end() != null && p.end().isAfter(p.start())) lines.add("DTEND:" + utc(p.end()));
      lines.add("SUMMARY:" + escape(summary(p)));
      lines.add("DESCRIPTION:" + escape(description(p, export.paperUrl(p))));
      if (p.location() != null) lines.add("LOCATION:" + escape(p.location()));
      lines.add("URL:" + Text.oneLine(export.paperUrl(p)));
      lines.add("END:VEVENT");
    }
    lines.add("END:VCALENDAR");
    StringBuilder out = new StringBuilder();
    for (String line : lines) out.append(fold(line)).append(CRLF);
    return out.toString();
  }

  /** A talk with a start time: an event. */
  @Override
  public boolean holds(Paper p) {
    return p.type() == PaperType.TALK && p.start() != null;
  }

  private static String utc(OffsetDateTime t) {
    return UTC.format(Instant.from(t));
  }

  /** "Title - Speaker", as seminar calendars name their talks. */
  private static String summary(Paper p) {
    List<String> people = p.speakers().isEmpty() ? p.authors() : p.speakers();
    return people.isEmpty() ? p.title() : p.title() + " - " + String.join(", ", people);
  }

  private static String description(Paper p, String pageUrl) {
    List<String> parts = new ArrayList<>();
    List<String> people = p.speakers().isEmpty() ? p.authors() : p.speakers();
    if (!people.isEmpty()) {
      String who = String.join(", ", people);
      if (!p.affiliations().isEmpty()) who += " (" + String.join(", ", p.affiliations()) + ")";
      parts.add("Speaker: " + who);
    }
    if (p.abstractText() != null) parts.add(p.abstractText());
    if (p.bio() != null) parts.add("Bio: " + p.bio());
    parts.add(pageUrl);
    return String.join("\n\n", parts);
  }

  /** A TEXT value: backslash, semicolon and comma escaped, line breaks as {@code \n}. */
  static String escape(String text) {
    String s = Text.clean(text).replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A content line folded as RFC 5545 §3.1 says: no physical line longer than 75 octets, each
   * continuation starting with one space (which counts), a character's octets never split.
   */
  static String fold(String line) {
    StringBuilder out = new StringBuilder(line.length() + 16);
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + n > MAX_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += n;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
