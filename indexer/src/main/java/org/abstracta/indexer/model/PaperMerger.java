package org.abstracta.indexer.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Merges two records of one paper into one whose fields are the union of what both said.
 *
 * <p>The more authoritative record (a known id, then the richer source format: arXiv metadata over
 * an author page over a digest) gives the scalar fields when it has them; lists are unions in its
 * order; {@code sources} are sorted. The result does not depend on which record came first, so a
 * paper read again merges into exactly the document it already has (re-indexing is a no-op).
 */
public final class PaperMerger {
  private static final Map<String, Integer> FORMAT_RANK =
      Map.of(
          "arxiv-json", 6,
          "jsonl", 5,
          "beir", 4,
          "author-page", 3,
          "icalendar", 2,
          "daily-papers", 1);

  private PaperMerger() {}

  public static Paper merge(Paper a, Paper b) {
    if (a == null) return b;
    if (b == null) return a;
    boolean aFirst = compareAuthority(a, b) >= 0;
    Paper p = aFirst ? a : b; // primary
    Paper q = aFirst ? b : a;

    PaperBuilder m = p.toBuilder();
    m.id(!PaperId.isTitleDerived(p.id()) || PaperId.isTitleDerived(q.id()) ? p.id() : q.id());
    m.type(p.type());
    m.title(firstNonBlank(p.title(), q.title()));
    m.abstractText(firstNonBlank(p.abstractText(), q.abstractText()));
    mergeAuthors(p, q, m);
    m.authorCount(max(p.authorCount(), q.authorCount()));
    m.affiliations(union(p.affiliations(), q.affiliations(), PaperMerger::fold));
    m.subjects(union(p.subjects(), q.subjects(), Subject::code));
    if (p.date() == null || (p.yearInferred() && q.date() != null && !q.yearInferred())) {
      m.date(q.date()).yearInferred(q.yearInferred());
    }
    m.hasCode(p.hasCode() || q.hasCode());
    m.links(union(p.links(), q.links(), Function.identity()));
    m.doi(p.doi() != null ? p.doi() : q.doi());
    m.votes(max(p.votes(), q.votes()));
    m.sources(sources(p.sources(), q.sources()));
    m.speakers(union(p.speakers(), q.speakers(), PaperMerger::fold));
    m.location(p.location() != null ? p.location() : q.location());
    m.start(p.start() != null ? p.start() : q.start());
    m.end(p.end() != null ? p.end() : q.end());
    m.bio(firstNonBlank(p.bio(), q.bio()));
    // Inferred subjects only stand in for subjects no input gave.
    m.inferredSubjects(
        !p.subjects().isEmpty() || !q.subjects().isEmpty()
            ? List.of()
            : !p.inferredSubjects().isEmpty() ? p.inferredSubjects() : q.inferredSubjects());
    return m.build();
  }

  /**
   * Both lists' sources, sorted, each input once: of two records of one input (an index written
   * before inputs had titles, read again now) the one with a title stays.
   */
  static List<Source> sources(List<Source> first, List<Source> second) {
    Set<Source> all = new TreeSet<>(first);
    all.addAll(second);
    List<Source> out = new ArrayList<>();
    for (Source s : all) {
      // Sorted with titles last among equal inputs: a later one replaces an untitled earlier one.
      if (!out.isEmpty() && out.getLast().sameInput(s)) out.removeLast();
      out.add(s);
    }
    return out;
  }

  /**
   * A complete author list (not "et al.") wins; otherwise the lists are united, so an author page's
   * owner stays an author of a truncated list.
   */
  private static void mergeAuthors(Paper p, Paper q, PaperBuilder m) {
    boolean pComplete = !p.authors().isEmpty() && !p.authorsTruncated();
    boolean qComplete = !q.authors().isEmpty() && !q.authorsTruncated();
    if (pComplete) {
      m.authors(p.authors()).authorsTruncated(false);
    } else if (qComplete) {
      m.authors(q.authors()).authorsTruncated(false);
    } else {
      m.authors(union(p.authors(), q.authors(), PaperMerger::fold));
      m.authorsTruncated(p.authorsTruncated() || q.authorsTruncated());
    }
  }

  /** Positive when {@code a} is the more authoritative record; never 0 for different records. */
  static int compareAuthority(Paper a, Paper b) {
    return Comparator.<Paper>comparingInt(x -> PaperId.isTitleDerived(x.id()) ? 0 : 1)
        .thenComparingInt(PaperMerger::formatRank)
        .thenComparingInt(x -> x.abstractText() == null ? 0 : x.abstractText().length())
        .thenComparingInt(x -> x.authors().size())
        .thenComparing(x -> PaperJson.toJson(x))
        .compare(a, b);
  }

  private static int formatRank(Paper p) {
    int best = 0;
    for (Source s : p.sources()) best = Math.max(best, FORMAT_RANK.getOrDefault(s.format(), 0));
    return best;
  }

  private static <T> List<T> union(List<T> first, List<T> second, Function<T, String> key) {
    if (second.isEmpty()) return first;
    if (first.isEmpty()) return second;
    Map<String, T> out = new LinkedHashMap<>();
    for (T t : first) out.putIfAbsent(key.apply(t), t);
    for (T t : second) out.putIfAbsent(key.apply(t), t);
    return new ArrayList<>(out.values());
  }

  /** A name's comparison key: accents, case and punctuation ignored. */
  static String fold(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  private static Integer max(Integer a, Integer b) {
    if (a == null) return b;
    if (b == null) return a;
    return Math.max(a, b);
  }
}
