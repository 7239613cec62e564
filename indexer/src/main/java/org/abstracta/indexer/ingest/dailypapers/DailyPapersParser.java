package org.abstracta.indexer.ingest.dailypapers;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.ingest.RecordSink;
import org.abstracta.indexer.ingest.TextLines;
import org.abstracta.indexer.ingest.TextLines.Line;
import org.abstracta.indexer.ingest.WholeFileParser;
import org.abstracta.indexer.ingest.authorpage.AuthorPageParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.text.DateResolver;
import org.abstracta.indexer.text.LatexText;
import org.abstracta.indexer.text.Links;

/**
 * Reads a daily-papers digest ({@code daily-papers}): header lines ("Daily Papers", "byAK and the
 * research community", the digest's own date), then entries separated by blank lines:
 *
 * <pre>
 * Catastrophic Interference is Mitigated in …     title
 *
 * Neural networks often suffer from …             abstract
 *
 *   • 4 authors                                   optional: author count,
 * ·                                               a separator,
 * Jan 18, 2024                                    a date, maybe followed by a vote count ("Oct 19, 2023 1")
 * </pre>
 *
 * <p>Some digests print only title and abstract. Every optional line may be missing; an entry whose
 * abstract is missing is kept with its title alone.
 */
public final class DailyPapersParser implements WholeFileParser {
  public static final String FORMAT = "daily-papers";

  /** Lines of the digest page around its entries; they are not papers. */
  private static final Set<String> HEADER_LINES =
      Set.of(
          "new",
          "Get trending papers in your email inbox!",
          "Subscribe",
          "Daily Papers",
          "byAK and the research community");

  /** Lines that only a digest prints: one of them in a file's head is enough for accepts. */
  private static final Set<String> DIGEST_MARKERS =
      Set.of("Get trending papers in your email inbox!", "byAK and the research community");

  private static final Pattern AUTHOR_COUNT = Pattern.compile("^•\\s*(\\d+)\\s+authors?$");
  private static final String SEPARATOR = "·";

  /** No title is this long; a line this long is an abstract. */
  private static final int TITLE_MAX = 300;

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(String head, String fileName) {
    List<String> lines = head.lines().map(String::strip).toList();
    if (lines.stream().anyMatch(DIGEST_MARKERS::contains)) return true;
    // An author page also repeats "short line, blank, long line" (its author line and abstract).
    if (lines.stream().anyMatch(AuthorPageParser::isEntryHeader)) return false;
    int entries = 0;
    for (int i = 0; i + 2 < lines.size(); i++) {
      String title = lines.get(i);
      if (!title.isEmpty()
          && title.length() <= TITLE_MAX
          && !title.startsWith("{")
          && !title.startsWith("<")
          && lines.get(i + 1).isEmpty()
          && lines.get(i + 2).length() > TITLE_MAX) {
        entries++;
      }
    }
    return entries >= 2;
  }

  /** An entry as it is being read. */
  private static final class Entry {
    final Line title;
    final List<String> abstractParts = new ArrayList<>();
    Integer authorCount;
    boolean meta; // an author-count or separator line was seen: the abstract is complete
    DateResolver.PrintedDate date;

    Entry(Line title) {
      this.title = title;
    }

    /** Whether more abstract text may still follow. */
    boolean open() {
      return !meta && date == null;
    }
  }

  @Override
  public void parse(Reader text, InputFile input, ParseContext context, RecordSink sink)
      throws IOException {
    List<Line> lines = TextLines.nonBlank(text);
    Source source = new Source(input.name(), FORMAT, null);
    DateResolver dates = context.dates();
    Entry current = null;
    boolean started = false;
    // Whether this digest prints entry metadata at all; see the date case below.
    boolean metaSeen = false;

    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String s = line.text();
      if (!started && HEADER_LINES.contains(s)) continue;

      Matcher count = AUTHOR_COUNT.matcher(s);
      if (count.matches() || s.equals(SEPARATOR)) {
        metaSeen = true;
        if (current != null) {
          current.meta = true;
          // A count too long for an int is nonsense, not a reason to stop reading.
          if (count.matches() && count.group(1).length() <= 6) {
            current.authorCount = Integer.valueOf(count.group(1));
          }
        }
        continue;
      }

      DateResolver.PrintedDate date = dates.parseLine(s);
      if (date != null) {
        // A date belongs to the entry above it in a digest that prints entry metadata ("·", then
        // the date); a vote count also marks it as an entry's. Otherwise it is the digest's own
        // date (before the first entry, or heading a day's section): not a paper's.
        boolean entryDate = current != null && current.date == null;
        if (entryDate && (current.meta || metaSeen || date.votes() != null)) current.date = date;
        // The first date before any entry is the digest's own: what the digest calls itself.
        if (current == null && !started && source.title() == null) {
          source = new Source(input.name(), FORMAT, null, s);
        }
        continue;
      }

      if (current != null && current.open() && current.abstractParts.isEmpty()) {
        // The line after a title is its abstract, unless it is itself a title: short, with an
        // abstract after it (the entry above then has no abstract).
        boolean nextIsAbstract = i + 1 < lines.size() && isAbstract(lines.get(i + 1).text());
        if (isAbstract(s) || !nextIsAbstract) {
          current.abstractParts.add(s);
          continue;
        }
      } else if (current != null && current.open() && isAbstract(s)) {
        current.abstractParts.add(s); // a further paragraph of the abstract
        continue;
      }

      finish(current, source, sink);
      current = null;
      started = true;
      if (isAbstract(s)) {
        sink.skip(line.number(), "abstract without a title");
      } else {
        current = new Entry(line);
      }
    }
    finish(current, source, sink);
  }

  private static boolean isAbstract(String s) {
    return s.length() > TITLE_MAX;
  }

  private static void finish(Entry entry, Source source, RecordSink sink) {
    if (entry == null) return;
    String title = LatexText.normalize(entry.title.text());
    if (title.isEmpty()) { // the line was markup only ("{}", "$ $")
      sink.skip(entry.title.number(), "entry has no title");
      return;
    }
    String rawAbstract = String.join("\n\n", entry.abstractParts);
    Paper paper =
        Paper.builder()
            .id(PaperId.fromTitle(title))
            .title(title)
            .abstractText(rawAbstract.isEmpty() ? null : LatexText.normalize(rawAbstract))
            .authorCount(entry.authorCount)
            .date(entry.date == null ? null : entry.date.date())
            .yearInferred(entry.date != null && entry.date.yearInferred())
            .votes(entry.date == null ? null : entry.date.votes())
            // Links come from the raw text: LaTeX normalization would turn a "--" in a URL into
            // "–".
            .hasCode(Links.mentionsCode(rawAbstract))
            .links(Links.find(rawAbstract))
            .source(source)
            .build();
    sink.paper(paper, entry.title.number());
  }
}
