package org.abstracta.indexer.ingest.arxiv;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.abstracta.indexer.ingest.BadRecordException;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.JsonLines;
import org.abstracta.indexer.ingest.LineParser;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.model.Subject;
import org.abstracta.indexer.text.LatexText;
import org.abstracta.indexer.text.Links;
import org.abstracta.indexer.text.SubjectCatalog;

/**
 * Reads the arXiv metadata snapshot: one JSON object per line with {@code id}, {@code authors},
 * {@code authors_parsed}, {@code title}, {@code abstract}, {@code categories} (space separated,
 * primary first), {@code versions}, {@code update_date}, {@code doi}, {@code comments}.
 *
 * <p>The date is the first version's submission date, else {@code update_date}. Authors come from
 * {@code authors_parsed} (cleaner than the free-text list), LaTeX resolved. Links and the code flag
 * come from the abstract and the comments ("Code: https://github.com/...").
 */
public final class ArxivJsonParser implements LineParser {
  public static final String FORMAT = "arxiv-json";
  private static final ObjectReader READER = JsonLines.readerFor(ArxivRecord.class);

  /** A comma, or "and" between white space (matched from the start of a run: linear time). */
  private static final Pattern AUTHOR_SEPARATOR = Pattern.compile(",\\s*|(?<!\\s)\\s+and\\s+");

  record Version(String version, String created) {}

  record ArxivRecord(
      String id,
      String authors,
      @JsonProperty("authors_parsed") List<List<String>> authorsParsed,
      String title,
      @JsonProperty("abstract") String abstractText,
      String categories,
      List<Version> versions,
      @JsonProperty("update_date") String updateDate,
      String doi,
      String comments) {}

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(String head, String fileName) {
    String line = JsonLines.firstLine(head);
    return JsonLines.objectWithKeys(line, "id", "categories")
        || JsonLines.objectWithKeys(line, "id", "authors_parsed");
  }

  @Override
  public Paper parseLine(String line, InputFile input, ParseContext context)
      throws BadRecordException {
    if (line.isBlank()) return null;
    ArxivRecord r = JsonLines.read(READER, line);
    String id = PaperId.arxiv(r.id());
    if (id == null) {
      throw new BadRecordException(
          r.id() == null ? "no 'id'" : "'id' is not an arXiv id: " + abbreviate(r.id()));
    }
    String title = LatexText.normalize(r.title());
    if (title == null || title.isEmpty()) throw new BadRecordException("no 'title'");
    String abstractText = LatexText.normalize(r.abstractText());
    List<String> links = new ArrayList<>(Links.find(abstractText));
    for (String l : Links.find(r.comments())) if (!links.contains(l)) links.add(l);
    return Paper.builder()
        .id(id)
        .title(title)
        .abstractText(abstractText == null || abstractText.isEmpty() ? null : abstractText)
        .authors(authors(r))
        .subjects(subjects(r.categories()))
        .date(date(r))
        .doi(PaperId.doi(r.doi()))
        .links(links)
        .hasCode(Links.mentionsCode(abstractText) || Links.mentionsCode(r.comments()))
        .source(new Source(input.name(), FORMAT, null))
        .build();
  }

  private static List<String> authors(ArxivRecord r) {
    List<String> out = new ArrayList<>();
    if (r.authorsParsed() != null && !r.authorsParsed().isEmpty()) {
      for (List<String> parts : r.authorsParsed()) {
        if (parts == null || parts.isEmpty()) continue;
        String last = parts.get(0) == null ? "" : parts.get(0);
        String first = parts.size() > 1 && parts.get(1) != null ? parts.get(1) : "";
        String suffix = parts.size() > 2 && parts.get(2) != null ? parts.get(2) : "";
        String name = (first + " " + last + (suffix.isEmpty() ? "" : " " + suffix));
        name = LatexText.normalize(name.replace(" -", "-"));
        if (!name.isEmpty() && !out.contains(name)) out.add(name);
      }
      return out;
    }
    if (r.authors() != null) {
      for (String a : AUTHOR_SEPARATOR.split(r.authors())) {
        String name = LatexText.normalize(a);
        if (!name.isEmpty() && !out.contains(name)) out.add(name);
      }
    }
    return out;
  }

  private static List<Subject> subjects(String categories) {
    List<Subject> out = new ArrayList<>();
    if (categories == null) return out;
    for (String token : categories.trim().split("\\s+")) {
      // The snapshot's field also carries MSC/ACM classes and stray words ("68T05", "and",
      // "cs.CV,"): keep arXiv categories only.
      int end = token.length();
      while (end > 0 && (token.charAt(end - 1) == ',' || token.charAt(end - 1) == ';')) end--;
      String code = token.substring(0, end);
      if (SubjectCatalog.isKnown(code) && out.stream().noneMatch(s -> s.code().equals(code))) {
        out.add(SubjectCatalog.subject(code));
      }
    }
    return out;
  }

  private static LocalDate date(ArxivRecord r) {
    if (r.versions() != null) {
      for (Version v : r.versions()) {
        if (v != null && v.created() != null) {
          try {
            return ZonedDateTime.parse(v.created(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toLocalDate();
          } catch (DateTimeParseException e) {
            break; // fall back to update_date
          }
        }
      }
    }
    if (r.updateDate() != null) {
      try {
        return LocalDate.parse(r.updateDate());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
