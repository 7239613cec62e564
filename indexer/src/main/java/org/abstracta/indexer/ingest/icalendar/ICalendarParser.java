package org.abstracta.indexer.ingest.icalendar;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.ingest.RecordSink;
import org.abstracta.indexer.ingest.TextLines;
import org.abstracta.indexer.ingest.WholeFileParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.PaperType;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.text.LatexText;
import org.abstracta.indexer.text.Links;

/**
 * Reads a seminar calendar ({@code icalendar}, RFC 5545): each {@code VEVENT} is a talk.
 *
 * <ul>
 *   <li>{@code SUMMARY} "Title - Speaker, Affiliation": split at the last " - " into title and
 *       speaker, the speaker at the first ", " into name (an author and a speaker) and affiliation;
 *   <li>{@code DESCRIPTION} "Abstract: … Bio: …": the abstract and the speaker's biography;
 *   <li>{@code DTSTART}, {@code DTEND} (or {@code DURATION}): UTC ({@code Z}), local with {@code
 *       TZID}, or a date alone; {@code LOCATION}; URLs in the description, location and {@code
 *       URL}.
 * </ul>
 *
 * <p>Folded lines are unfolded and text escapes ({@code \,} {@code \;} {@code \n} {@code \\})
 * resolved. Properties of components nested in an event (a {@code VALARM}'s description) are
 * ignored. An event without a {@code SUMMARY} is reported as a skip on its {@code BEGIN} line.
 */
public final class ICalendarParser implements WholeFileParser {
  public static final String FORMAT = "icalendar";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  /** Longest calendar name kept: a name, not a document. */
  private static final int MAX_NAME = 200;

  private static final Pattern DATE_ONLY = Pattern.compile("\\d{8}");
  private static final Pattern ABSTRACT_LABEL = Pattern.compile("(?i)^\\s*abstract\\s*:\\s*");
  private static final Pattern BIO_LABEL =
      Pattern.compile("(?:^|\\s)(?:Speaker )?(?:Bio|BIO|Biography|BIOGRAPHY)\\s*:");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(String head, String fileName) {
    String s = head.startsWith("\uFEFF") ? head.substring(1) : head;
    return s.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15);
  }

  /** One unfolded content line: {@code NAME;PARAM=VALUE:value}, from its first physical line. */
  private record Property(int line, String name, Map<String, String> params, String value) {
    String param(String key) {
      return params.get(key);
    }
  }

  /** The properties of one VEVENT, first occurrence of each name. */
  private static final class Event {
    final int line;
    final Map<String, Property> properties = new HashMap<>();

    Event(int line) {
      this.line = line;
    }

    String text(String name) {
      Property p = properties.get(name);
      return p == null ? null : unescape(p.value());
    }
  }

  @Override
  public void parse(Reader text, InputFile input, ParseContext context, RecordSink sink)
      throws IOException {
    Source source = new Source(input.name(), FORMAT, null);
    Event event = null;
    int nested = 0; // depth of components (VALARM, …) inside the current event
    for (Property p : unfold(text)) {
      if (p.name().equals("BEGIN")) {
        if (event == null && p.value().equalsIgnoreCase("VEVENT")) {
          event = new Event(p.line());
        } else if (event != null && nested == 0 && p.value().equalsIgnoreCase("VEVENT")) {
          // An event that never ended: read what it had, then start the next one.
          finish(event, source, sink);
          event = new Event(p.line());
        } else if (event != null) {
          nested++;
        }
      } else if (p.name().equals("END")) {
        if (event != null && nested > 0) {
          nested--;
        } else if (event != null && p.value().equalsIgnoreCase("VEVENT")) {
          finish(event, source, sink);
          event = null;
        }
      } else if (event != null && nested == 0) {
        event.properties.putIfAbsent(p.name(), p);
      } else if (event == null && p.name().equals("X-WR-CALNAME") && source.title() == null) {
        // The calendar's name, as calendar programs show it ("Talks.cam").
        String name = unescape(p.value()).strip();
        if (!name.isEmpty() && name.length() <= MAX_NAME) {
          source = new Source(input.name(), FORMAT, null, name);
        }
      }
    }
    if (event != null) finish(event, source, sink); // a calendar cut off inside an event
  }

  private static void finish(Event event, Source source, RecordSink sink) {
    String summary = event.text("SUMMARY");
    if (summary == null || summary.isBlank()) {
      sink.skip(event.line, "event has no SUMMARY");
      return;
    }
    // "Title - Speaker, Affiliation": titles may hold " - " themselves, speakers rarely do.
    String title = summary;
    String speaker = null;
    String affiliation = null;
    int dash = summary.lastIndexOf(" - ");
    if (dash > 0) {
      title = summary.substring(0, dash);
      String who = summary.substring(dash + 3).strip();
      int comma = who.indexOf(", ");
      speaker = comma < 0 ? who : who.substring(0, comma).strip();
      affiliation = comma < 0 ? null : who.substring(comma + 2).strip();
    }
    title = LatexText.normalize(title);
    if (title.isEmpty()) {
      sink.skip(event.line, "event has no title in its SUMMARY");
      return;
    }

    String description = event.text("DESCRIPTION");
    String abstractText = null;
    String bio = null;
    if (description != null) {
      String about = description;
      Matcher m = BIO_LABEL.matcher(description);
      if (m.find()) {
        about = description.substring(0, m.start());
        bio = blankToNull(LatexText.normalize(description.substring(m.end())));
      }
      abstractText =
          blankToNull(LatexText.normalize(ABSTRACT_LABEL.matcher(about).replaceFirst("")));
    }
    String location = event.text("LOCATION");
    location = location == null ? null : blankToNull(location.strip().replaceAll("\\s+", " "));

    OffsetDateTime start = dateTime(event.properties.get("DTSTART"));
    OffsetDateTime end = dateTime(event.properties.get("DTEND"));
    if (end == null && start != null && event.properties.containsKey("DURATION")) {
      end = plus(start, event.text("DURATION"));
    }

    Set<String> links = new LinkedHashSet<>();
    links.addAll(Links.find(description));
    links.addAll(Links.find(location));
    String url = event.text("URL");
    if (url != null && url.strip().matches("(?i)https?://\\S+")) links.add(url.strip());
    // The UID names the event for calendars, not the paper: it is a link only when it is a URL.
    String uid = event.text("UID");
    if (uid != null && uid.strip().matches("(?i)https?://\\S+")) links.add(uid.strip());

    List<String> speakers = speaker == null || speaker.isEmpty() ? List.of() : List.of(speaker);
    Paper paper =
        Paper.builder()
            .id(PaperId.fromTitle(title))
            .type(PaperType.TALK)
            .title(title)
            .abstractText(abstractText)
            .authors(speakers)
            .speakers(speakers)
            .affiliations(
                affiliation == null || affiliation.isEmpty() ? List.of() : List.of(affiliation))
            .date(start == null ? null : start.toLocalDate())
            .start(start)
            .end(end)
            .location(location)
            .bio(bio)
            .hasCode(Links.mentionsCode(description) || Links.mentionsCode(location))
            .links(new ArrayList<>(links))
            .source(source)
            .build();
    sink.paper(paper, event.line);
  }

  /**
   * A DATE-TIME or DATE value: UTC when it ends in Z, else local time in its TZID zone. A local
   * time without TZID ("floating") or with a zone Java does not know is taken as UTC; null when the
   * value is not a date.
   */
  private static OffsetDateTime dateTime(Property p) {
    if (p == null) return null;
    String v = p.value().strip();
    ZoneId zone = zone(p.param("TZID"));
    try {
      if (DATE_ONLY.matcher(v).matches()) {
        return LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE)
            .atStartOfDay(zone)
            .toOffsetDateTime();
      }
      if (v.endsWith("Z") || v.endsWith("z")) {
        return LocalDateTime.parse(v.substring(0, v.length() - 1), DATE_TIME)
            .atOffset(ZoneOffset.UTC);
      }
      return LocalDateTime.parse(v, DATE_TIME).atZone(zone).toOffsetDateTime();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The zone a TZID names. Some producers prefix the Olson name ("/mozilla.org/…/Europe/London"),
   * so shorter and shorter tails are tried.
   */
  private static ZoneId zone(String tzid) {
    if (tzid == null) return ZoneOffset.UTC;
    String name = tzid.replace("\"", "").strip();
    while (!name.isEmpty()) {
      try {
        return ZoneId.of(name);
      } catch (DateTimeException e) {
        int slash = name.indexOf('/');
        if (slash < 0) break;
        name = name.substring(slash + 1);
      }
    }
    return ZoneOffset.UTC;
  }

  private static OffsetDateTime plus(OffsetDateTime start, String duration) {
    try {
      return start.plus(Duration.parse(duration.strip()));
    } catch (DateTimeException | ArithmeticException e) {
      return null; // weeks ("P1W") and malformed durations: no end
    }
  }

  /** Resolves the TEXT escapes of RFC 5545: \n \N \, \; \\ (others keep their character). */
  static String unescape(String value) {
    if (value.indexOf('\\') < 0) return value;
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The content lines of a calendar, unfolded: a physical line starting with a space or tab
   * continues the one before it (the fold's single white space character is dropped).
   */
  private static List<Property> unfold(Reader text) throws IOException {
    List<Property> properties = new ArrayList<>();
    StringBuilder logical = null;
    int start = 0;
    int number = 0;
    for (String line : TextLines.all(text)) {
      number++;
      if (logical != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        logical.append(line, 1, line.length());
        continue;
      }
      if (logical != null) addProperty(properties, start, logical.toString());
      logical = new StringBuilder(line);
      start = number;
    }
    if (logical != null) addProperty(properties, start, logical.toString());
    return properties;
  }

  /** Splits {@code NAME;P1=V1;P2="a:b":value}; a line without a colon is not a property. */
  private static void addProperty(List<Property> out, int line, String content) {
    if (content.isBlank()) return;
    boolean quoted = false;
    int colon = -1;
    List<Integer> semicolons = new ArrayList<>();
    for (int i = 0; i < content.length() && colon < 0; i++) {
      char c = content.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (!quoted && c == ';') semicolons.add(i);
      else if (!quoted && c == ':') colon = i;
    }
    if (colon < 0) return;
    int nameEnd = semicolons.isEmpty() ? colon : semicolons.get(0);
    String name = content.substring(0, nameEnd).strip().toUpperCase(Locale.ROOT);
    Map<String, String> params = new HashMap<>();
    semicolons.add(colon);
    for (int k = 0; k + 1 < semicolons.size(); k++) {
      String param = content.substring(semicolons.get(k) + 1, semicolons.get(k + 1));
      int eq = param.indexOf('=');
      if (eq > 0) {
        params.put(
            param.substring(0, eq).strip().toUpperCase(Locale.ROOT), param.substring(eq + 1));
      }
    }
    String value = content.substring(colon + 1);
    if (name.equals("BEGIN") || name.equals("END")) value = value.strip();
    out.add(new Property(line, name, params, value));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
