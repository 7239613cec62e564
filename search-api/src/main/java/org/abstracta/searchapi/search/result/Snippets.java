package org.abstracta.searchapi.search.result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.abstracta.searchapi.search.query.WordStarts;

/**
 * Highlighted snippets: the text re-analyzed with the index's analyzer, words whose exact or
 * stemmed term the query matched wrapped in {@code <mark>}, everything else HTML-escaped. The title
 * is shown whole; the abstract as a window of about {@link #WINDOW} characters around the densest
 * cluster of matched words.
 */
final class Snippets {
  static final int WINDOW = 250;
  private static final int LEAD = 60;
  private static final String ELLIPSIS = "…";

  private record Span(int start, int end, String term) {}

  private Snippets() {}

  /**
   * The terms one field's snippets mark (exact {@code =word} terms and stems), prepared once for
   * all of a page's hits.
   */
  static final class Marks {
    private final Set<String> terms;
    private final Set<String> exactWords = new HashSet<>(); // exact terms without their mark
    private final String stemInitials;
    private final String exactInitials;
    private final WordStarts starts;

    Marks(Set<String> terms) {
      this.terms = terms;
      StringBuilder stemFirst = new StringBuilder();
      StringBuilder exactFirst = new StringBuilder();
      Set<String> stems = new HashSet<>();
      for (String t : terms) {
        if (t.startsWith(Analyzers.EXACT_MARK)) {
          if (t.length() > 1) {
            exactWords.add(t.substring(1));
            exactFirst.append(t.charAt(1));
          }
        } else if (!t.isEmpty()) {
          stems.add(t);
          stemFirst.append(t.charAt(0));
        }
      }
      stemInitials = stemFirst.toString();
      exactInitials = exactFirst.toString();
      starts = WordStarts.of(stems, exactWords);
    }
  }

  /** The whole text, escaped, with matched words marked; null for null text. */
  static String whole(String text, Set<String> terms) {
    return whole(text, new Marks(terms));
  }

  static String whole(String text, Marks marks) {
    if (text == null) return null;
    return render(text, 0, text.length(), spans(text, marks));
  }

  /** A window of the text around its best matches, escaped and marked; null for null text. */
  static String window(String text, Set<String> terms) {
    return window(text, new Marks(terms));
  }

  static String window(String text, Marks marks) {
    if (text == null) return null;
    if (text.length() <= WINDOW) return whole(text, marks);
    List<Span> spans = spans(text, marks);
    int start = 0;
    if (!spans.isEmpty()) {
      Span best = densest(spans);
      start = best.start() <= LEAD ? 0 : wordStart(text, best.start() - LEAD);
    }
    int end = wordEnd(text, Math.min(text.length(), start + WINDOW));
    if (end - start < WINDOW / 2 && start > 0) start = wordStart(text, Math.max(0, end - WINDOW));
    StringBuilder out = new StringBuilder();
    if (start > 0) out.append(ELLIPSIS);
    out.append(render(text, start, end, spans));
    if (end < text.length()) out.append(ELLIPSIS);
    return out.toString();
  }

  /** The span that starts the window holding the most distinct matched terms. */
  private static Span densest(List<Span> spans) {
    Span best = spans.getFirst();
    int bestDistinct = 0;
    int bestCount = 0;
    for (int i = 0; i < spans.size(); i++) {
      Set<String> distinct = new HashSet<>();
      int count = 0;
      for (int j = i;
          j < spans.size() && spans.get(j).end() - spans.get(i).start() <= WINDOW - LEAD;
          j++) {
        distinct.add(spans.get(j).term());
        count++;
      }
      if (distinct.size() > bestDistinct
          || (distinct.size() == bestDistinct && count > bestCount)) {
        best = spans.get(i);
        bestDistinct = distinct.size();
        bestCount = count;
      }
    }
    return best;
  }

  /** Matched words, in order, one span per word. */
  private static List<Span> spans(String text, Marks marks) {
    if (marks.terms.isEmpty()) return List.of();
    // Stemmers change word endings, not the first letters: only words starting like a stemmed or
    // exact term are analysed and looked up at all (WordStarts), and only those whose first letter
    // starts a stem are stemmed.
    List<Span> out = new ArrayList<>();
    TextAnalysis.forEachSurfaceWord(
        text,
        marks.starts,
        (buf, length, start, end) -> {
          if (length == 0) return;
          boolean stemmed = marks.stemInitials.indexOf(buf[0]) >= 0;
          if (!stemmed && marks.exactInitials.indexOf(buf[0]) < 0) return;
          String word = new String(buf, 0, length);
          String stem = stemmed ? Analyzers.stem(word) : null;
          // The stem names the word for "distinct" counting; the exact term if it has no stem.
          if (stem != null && marks.terms.contains(stem)) {
            out.add(new Span(start, end, stem));
          } else if (marks.exactWords.contains(word)) {
            out.add(new Span(start, end, word));
          }
        });
    return out;
  }

  private static String render(String text, int from, int to, List<Span> spans) {
    StringBuilder out = new StringBuilder(to - from + 32);
    int at = from;
    for (Span s : spans) {
      if (s.end() <= from || s.start() < at) continue;
      if (s.start() >= to) break;
      escape(text, at, s.start(), out);
      out.append("<mark>");
      escape(text, s.start(), Math.min(s.end(), to), out);
      out.append("</mark>");
      at = Math.min(s.end(), to);
    }
    escape(text, at, to, out);
    return out.toString();
  }

  static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  private static int wordStart(String text, int i) {
    int p = Math.max(0, i);
    while (p > 0 && !Character.isWhitespace(text.charAt(p - 1))) p--;
    return p;
  }

  private static int wordEnd(String text, int i) {
    int p = Math.min(text.length(), i);
    while (p < text.length()
        && p > 0
        && !Character.isWhitespace(text.charAt(p - 1))
        && !Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    return p;
  }
}
