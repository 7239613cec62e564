package org.abstracta.indexer.ingest.authorpage;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.ingest.RecordSink;
import org.abstracta.indexer.ingest.TextLines;
import org.abstracta.indexer.ingest.TextLines.Line;
import org.abstracta.indexer.ingest.WholeFileParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.text.DateResolver;
import org.abstracta.indexer.text.LatexText;
import org.abstracta.indexer.text.Links;
import org.abstracta.indexer.text.SubjectCatalog;
import org.abstracta.indexer.text.TitleKey;

/**
 * Reads a researcher's author page ({@code author-page}): the owner's name on the first line, a few
 * stats lines, "N Papers", then one entry per paper:
 *
 * <pre>
 * CVDec 19, 2024Code                       two-letter cs subject, date (year optional), code marker
 * Scaling 4D Representations               title
 *
 * João Carreira, Dilara Gokay et al. · deepmind, stanford     authors, then affiliations
 *
 * Scaling has not yet been convincingly …  abstract (may be missing)
 * </pre>
 *
 * <p>The owner is an author of every entry, also when the page hides them in "et al.", so they are
 * appended to an author list that does not name them. A page whose entry count disagrees with its
 * "N Papers" line is reported as a skip on that line; the entries it does list are still read.
 */
public final class AuthorPageParser implements WholeFileParser {
  public static final String FORMAT = "author-page";

  private static final Pattern PAPER_COUNT = Pattern.compile("^(\\d{1,9}) Papers$");

  /** Subject code glued to a month: "CVDec 19, 2024Code", "AIJan 20". */
  private static final Pattern HEADER_START =
      Pattern.compile(
          "^([A-Z]{2})((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? .*)$");

  // White space runs: a pattern tried at every position of a long run must not rescan the run
  // (quadratic time on a line of many spaces). Possessive quantifiers and "not after white space"
  // make each run scanned once; what matches is unchanged.
  private static final Pattern CODE_MARKER = Pattern.compile("\\s*+(Code)?\\s*+");
  private static final Pattern AFFILIATION_SEPARATOR = Pattern.compile("(?<!\\s)\\s+·\\s+");
  private static final Pattern ET_AL = Pattern.compile("(?:,|(?<!\\s))\\s*\\bet\\s+al\\.?$");

  /** Characters that appear in titles and sentences but not in the names of an author line. */
  private static final Pattern NOT_IN_NAMES = Pattern.compile("[:;?!()\\[\\]\"“”]");

  /** How far into a page its "N Papers" line may be for {@link #accepts}. */
  private static final int COUNT_LINE_WITHIN = 40;

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(String head, String fileName) {
    boolean countSeen = false;
    int n = 0;
    for (String line : (Iterable<String>) head.lines()::iterator) {
      String s = line.strip();
      if (!countSeen && n++ < COUNT_LINE_WITHIN && PAPER_COUNT.matcher(s).matches()) {
        countSeen = true;
      } else if (countSeen && isEntryHeader(s)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code line} is an entry's first line: subject code, date, optional "Code". */
  public static boolean isEntryHeader(String line) {
    return header(line) != null;
  }

  /** What an entry's first line says; {@code dateText} still holds the printed date. */
  private record Header(String subject, String dateText, boolean code) {}

  private static Header header(String line) {
    Matcher m = HEADER_START.matcher(line);
    if (!m.matches()) return null;
    String rest = m.group(2);
    int dateLength = DateResolver.leadingDateLength(rest);
    if (dateLength == 0) return null;
    Matcher marker = CODE_MARKER.matcher(rest.substring(dateLength));
    if (!marker.matches()) return null;
    return new Header(m.group(1), rest.substring(0, dateLength), marker.group(1) != null);
  }

  @Override
  public void parse(Reader text, InputFile input, ParseContext context, RecordSink sink)
      throws IOException {
    List<Line> lines = TextLines.nonBlank(text);
    if (lines.isEmpty()) return;

    // Page preamble: owner, stats, "N Papers"; entries start at the first header line.
    int firstEntry = 0;
    while (firstEntry < lines.size() && !isEntryHeader(lines.get(firstEntry).text())) firstEntry++;
    String owner = null;
    if (firstEntry > 0 && !PAPER_COUNT.matcher(lines.get(0).text()).matches()) {
      owner = lines.get(0).text();
    }
    Line countLine = null;
    for (int i = 0; i < firstEntry && countLine == null; i++) {
      if (PAPER_COUNT.matcher(lines.get(i).text()).matches()) countLine = lines.get(i);
    }

    List<Integer> starts = new ArrayList<>();
    for (int i = firstEntry; i < lines.size(); i++) {
      if (isEntryHeader(lines.get(i).text())) starts.add(i);
    }
    if (countLine != null) {
      Matcher m = PAPER_COUNT.matcher(countLine.text());
      m.matches();
      long declared = Long.parseLong(m.group(1));
      if (declared != starts.size()) {
        sink.skip(
            countLine.number(), "page says " + declared + " papers but lists " + starts.size());
      }
    }

    Source source = new Source(input.name(), FORMAT, owner);
    DateResolver dates = context.dates();
    for (int e = 0; e < starts.size(); e++) {
      int from = starts.get(e);
      int to = e + 1 < starts.size() ? starts.get(e + 1) : lines.size();
      readEntry(lines.subList(from, to), owner, source, dates, sink);
    }
  }

  private static void readEntry(
      List<Line> entry, String owner, Source source, DateResolver dates, RecordSink sink) {
    Line head = entry.get(0);
    List<Line> body = entry.subList(1, entry.size());
    boolean hasAuthorLine = body.size() > 1 && isAuthorLine(body.get(1).text());
    if (body.isEmpty() || (!hasAuthorLine && isClearlyAuthorLine(body.get(0).text()))) {
      sink.skip(head.number(), "entry has no title");
      return;
    }
    if (!hasAuthorLine) {
      sink.skip(head.number(), "entry has no author line");
      return;
    }
    String title = LatexText.normalize(body.get(0).text());
    if (title.isEmpty()) {
      sink.skip(head.number(), "entry has no title");
      return;
    }

    Header header = header(head.text());
    String rawAbstract =
        String.join("\n", body.subList(2, body.size()).stream().map(Line::text).toList());
    String abstractText = rawAbstract.isEmpty() ? null : LatexText.normalize(rawAbstract);

    String authorLine = body.get(1).text();
    List<String> affiliations = List.of();
    String[] parts = AFFILIATION_SEPARATOR.split(authorLine, 2);
    if (parts.length == 2) affiliations = splitList(parts[1]);
    Matcher etAl = ET_AL.matcher(parts[0]);
    boolean truncated = etAl.find();
    String names = truncated ? parts[0].substring(0, etAl.start()) : parts[0];
    List<String> authors = new ArrayList<>();
    for (String name : splitList(names)) authors.add(LatexText.normalize(name));
    if (owner != null && authors.stream().noneMatch(a -> sameName(a, owner))) authors.add(owner);

    DateResolver.PrintedDate date = dates.parseLeading(header.dateText());
    Paper paper =
        Paper.builder()
            .id(PaperId.fromTitle(title))
            .title(title)
            .abstractText(abstractText)
            .authors(authors)
            .authorsTruncated(truncated)
            .affiliations(affiliations)
            .subjects(List.of(SubjectCatalog.computerScience(header.subject())))
            .date(date == null ? null : date.date())
            .yearInferred(date != null && date.yearInferred())
            // Links come from the raw text: LaTeX normalization would turn a "--" in a URL into
            // "–".
            .hasCode(header.code() || Links.mentionsCode(rawAbstract))
            .links(Links.find(rawAbstract))
            .source(source)
            .build();
    sink.paper(paper, head.number());
  }

  /**
   * Whether two spellings name the same person: equal once accents, case and punctuation are
   * dropped, or with the same first and last name ("Kelsey R. Allen" and "Kelsey Allen").
   */
  static boolean sameName(String a, String b) {
    String ka = TitleKey.of(a);
    String kb = TitleKey.of(b);
    if (ka.equals(kb)) return true;
    String[] wa = ka.split(" ");
    String[] wb = kb.split(" ");
    return wa.length > 1
        && wb.length > 1
        && wa[0].equals(wb[0])
        && wa[wa.length - 1].equals(wb[wb.length - 1]);
  }

  /**
   * Whether a line reads as a list of names: short comma-separated parts without sentence
   * punctuation. This tells the author line from an abstract (long clauses, a final period).
   */
  static boolean isAuthorLine(String line) {
    List<String> names = namesOf(line);
    if (names.isEmpty()) return false;
    for (String name : names) {
      if (name.length() > 80 || name.split("\\s+").length > 6) return false;
      if (name.endsWith(".") || NOT_IN_NAMES.matcher(name).find()) return false;
    }
    return true;
  }

  /**
   * Whether a line can only be an author line: names that start and end with a capital, and more
   * than one of them or an "et al." or affiliations. Used to tell an entry whose title is missing
   * (the author line comes first) from one whose author line is missing; a single capitalized name
   * could as well be a short title.
   */
  private static boolean isClearlyAuthorLine(String line) {
    if (!isAuthorLine(line)) return false;
    List<String> names = namesOf(line);
    for (String name : names) {
      String[] words = name.split("\\s+");
      if (Character.isLowerCase(words[0].charAt(0))) return false;
      if (Character.isLowerCase(words[words.length - 1].charAt(0))) return false;
    }
    String[] parts = AFFILIATION_SEPARATOR.split(line, 2);
    return parts.length == 2 || ET_AL.matcher(parts[0]).find() || names.size() > 1;
  }

  private static List<String> namesOf(String line) {
    String names = AFFILIATION_SEPARATOR.split(line, 2)[0];
    Matcher etAl = ET_AL.matcher(names);
    if (etAl.find()) names = names.substring(0, etAl.start());
    return splitList(names);
  }

  private static List<String> splitList(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
