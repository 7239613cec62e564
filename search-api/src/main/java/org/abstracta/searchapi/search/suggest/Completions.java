package org.abstracta.searchapi.search.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.Suggestion;
import org.abstracta.searchapi.search.facet.AuthorNames;
import org.abstracta.searchapi.search.facet.Folding;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.query.PrefixExpander;
import org.abstracta.searchapi.search.query.PrefixExpander.Expansion;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.abstracta.searchapi.search.query.TextQueries;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Completions of what a user is typing, from the index itself (no sidecar): the last word completed
 * to the most frequent indexed words ({@code reinf} → "reinforcement") and to the most common
 * two-word phrase in titles ("reinforcement learning"); author names with a word starting so; and
 * titles containing the typed words with the last as a prefix, those starting with it first. About
 * a third of the list each, the rest filled from whichever has more.
 */
public final class Completions {
  /** Titles a completion looks at. */
  public static final int TITLE_CANDIDATES = 50;

  /** The shortest word a completion completes. */
  public static final int MIN_TERM_PREFIX = 2;

  /**
   * Where completions come from: the embedded index ({@link #Completions(PaperSearcher)}) or a
   * remote engine.
   */
  public interface Source {
    /**
     * Words of titles and abstracts that start with {@code prefix}, each with how many titles and
     * abstracts hold it (a paper holding it in both counts twice), at least the {@code max} most
     * frequent; {@link InvalidRequestException} when the prefix starts too many to look at.
     */
    Map<String, Integer> words(String prefix, int max) throws IOException;

    /**
     * Papers whose title holds each of {@code words} exactly but the last, which it holds as the
     * start of a word (exactly when {@code lastComplete}), best first, at most {@link
     * #TITLE_CANDIDATES}.
     */
    List<Paper> titles(List<String> words, boolean lastComplete) throws IOException;

    /** Author names with a word starting with {@code prefix}, most papers first, at most max. */
    List<String> authors(String prefix, int max) throws IOException;
  }

  private final Source source;

  public Completions(PaperSearcher searcher) {
    this(new IndexSource(searcher));
  }

  public Completions(Source source) {
    this.source = source;
  }

  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    String typed = prefix == null ? "" : prefix.strip().replaceAll("\\s+", " ");
    if (typed.isEmpty() || size <= 0) return List.of();
    List<String> words =
        TextAnalysis.exactTerms(Fields.TITLE, typed).stream()
            .map(t -> t.term().substring(Analyzers.EXACT_MARK.length()))
            .toList();
    boolean endsInSpace = prefix.endsWith(" ");
    List<Paper> titles = words.isEmpty() ? List.of() : titleMatches(words, endsInSpace);

    List<Suggestion> terms = new ArrayList<>();
    if (!words.isEmpty() && !endsInSpace) {
      String head = typed.substring(0, Math.max(0, lastWordStart(typed)));
      for (String w : completeWord(words.getLast(), size)) {
        terms.add(new Suggestion(head + w, "term", null));
      }
      String phrase = commonPhrase(titles, words);
      // One word: the word itself first, then its phrase; several: the phrase (in context) first.
      int at = words.size() == 1 ? Math.min(1, terms.size()) : 0;
      if (phrase != null) terms.add(at, new Suggestion(phrase, "term", null));
    }
    List<Suggestion> authors = new ArrayList<>();
    for (String name : source.authors(typed, size)) {
      authors.add(new Suggestion(name, "author", null));
    }
    List<Suggestion> titleSuggestions = new ArrayList<>();
    for (Paper p : titles) titleSuggestions.add(new Suggestion(p.title(), "title", p.id()));
    return mix(size, terms, authors, titleSuggestions);
  }

  /** Indexed words starting with {@code prefix}, most documents first. */
  private List<String> completeWord(String prefix, int max) throws IOException {
    if (prefix.length() < MIN_TERM_PREFIX) return List.of();
    Map<String, Integer> freq;
    try {
      freq = source.words(prefix, max);
    } catch (InvalidRequestException tooBroad) {
      return List.of();
    }
    return freq.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(max)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Titles holding the typed words, the last as a prefix (unless a space follows it). */
  private List<Paper> titleMatches(List<String> words, boolean lastComplete) throws IOException {
    List<Paper> papers = new ArrayList<>(source.titles(words, lastComplete));
    String typedStart = String.join(" ", words);
    // Titles that start with what was typed first; then by score (the search order).
    papers.sort(Comparator.comparing(p -> !Folding.fold(p.title()).startsWith(typedStart)));
    return papers;
  }

  /** The embedded index's words, titles and names. */
  private static final class IndexSource implements Source {
    private final PaperSearcher searcher;
    private final PrefixExpander expander;

    IndexSource(PaperSearcher searcher) {
      this.searcher = searcher;
      this.expander = new PrefixExpander(searcher.getIndexReader());
    }

    @Override
    public Map<String, Integer> words(String prefix, int max) {
      Map<String, Integer> freq = new HashMap<>();
      for (String field : List.of(Fields.TITLE, Fields.ABSTRACT)) {
        for (Expansion e : expander.expand(field, Analyzers.EXACT_MARK + prefix, max * 4)) {
          freq.merge(e.term().text().substring(1), e.docFreq(), Integer::sum);
        }
      }
      return freq;
    }

    @Override
    public List<Paper> titles(List<String> words, boolean lastComplete) throws IOException {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (int i = 0; i < words.size() - 1; i++) {
        b.add(
            new TermQuery(new Term(Fields.TITLE, Analyzers.EXACT_MARK + words.get(i))), Occur.MUST);
      }
      String last = words.getLast();
      Query lastQuery;
      try {
        int minPrefix = words.size() > 1 ? 1 : MIN_TERM_PREFIX;
        lastQuery =
            lastComplete || last.length() < minPrefix
                ? new TermQuery(new Term(Fields.TITLE, Analyzers.EXACT_MARK + last))
                : new TextQueries(expander).prefix(Fields.TITLE, last);
      } catch (InvalidRequestException tooBroad) {
        lastQuery = new TermQuery(new Term(Fields.TITLE, Analyzers.EXACT_MARK + last));
      }
      if (lastQuery == null) return List.of();
      b.add(lastQuery, Occur.MUST);
      ScoreDoc[] hits = searcher.search(b.build(), TITLE_CANDIDATES).scoreDocs;
      StoredFields stored = searcher.storedFields();
      List<Paper> papers = new ArrayList<>();
      for (ScoreDoc sd : hits) papers.add(PaperDocuments.load(stored, sd.doc));
      return papers;
    }

    @Override
    public List<String> authors(String prefix, int max) {
      List<String> out = new ArrayList<>();
      for (AuthorNames.Name n : searcher.authorNames().withPrefix(prefix, max)) {
        out.add(n.label());
      }
      return out;
    }
  }

  /**
   * The most common phrase among matching titles that completes what was typed: for one word, the
   * word completed plus the next title word, when that pair recurs ("reinforcement learning"); for
   * several, the last word completed as a title has it after the others ("diffusion policy"). Lower
   * case; null if none.
   */
  private static String commonPhrase(List<Paper> titles, List<String> words) {
    int length = words.size() == 1 ? 2 : words.size();
    int minCount = words.size() == 1 ? 2 : 1;
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Paper p : titles) {
      List<String> t =
          TextAnalysis.exactTerms(Fields.TITLE, p.title()).stream()
              .map(tok -> tok.term().substring(Analyzers.EXACT_MARK.length()))
              .toList();
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i + length <= t.size(); i++) {
        if (startsSequence(t, i, words)) seen.add(String.join(" ", t.subList(i, i + length)));
      }
      for (String s : seen) counts.merge(s, 1, Integer::sum);
    }
    String best = null;
    int bestCount = minCount - 1;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static boolean startsSequence(List<String> title, int at, List<String> words) {
    for (int j = 0; j < words.size(); j++) {
      String w = title.get(at + j);
      boolean last = j == words.size() - 1;
      if (last ? !w.startsWith(words.get(j)) : !w.equals(words.get(j))) return false;
    }
    return true;
  }

  private static int lastWordStart(String typed) {
    int i = typed.length();
    while (i > 0 && !Character.isWhitespace(typed.charAt(i - 1))) i--;
    return i;
  }

  @SafeVarargs
  private static List<Suggestion> mix(int size, List<Suggestion>... groups) {
    int share = Math.max(1, (size + groups.length - 1) / groups.length);
    Map<String, Suggestion> out = new LinkedHashMap<>();
    int[] taken = new int[groups.length];
    for (int g = 0; g < groups.length; g++) {
      for (Suggestion s : groups[g]) {
        if (out.size() >= size || taken[g] >= share) break;
        if (out.putIfAbsent(key(s), s) == null) taken[g]++;
      }
    }
    for (int g = 0; g < groups.length && out.size() < size; g++) {
      for (Suggestion s : groups[g]) {
        if (out.size() >= size) break;
        out.putIfAbsent(key(s), s);
      }
    }
    return List.copyOf(out.values());
  }

  private static String key(Suggestion s) {
    return Folding.fold(s.text());
  }
}
