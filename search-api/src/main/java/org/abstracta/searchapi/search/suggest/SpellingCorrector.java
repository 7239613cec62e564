package org.abstracta.searchapi.search.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.StructuredQueries;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LuceneLevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Whole-query spelling correction: one respelling that corrects every misspelled word of a query
 * ({@code grpah neural netwrok} → {@code graph neural network}), chosen with the index's vocabulary
 * and with which corrections occur together.
 *
 * <ol>
 *   <li>A plain word is a suspect when the index holds it in at most {@link #SUSPECT_DF} papers (so
 *       ordinary words never pay for the spell checker, a few milliseconds a word). Its candidates
 *       are the indexed words within two edits — a swap of two letters is one edit ({@code modles}
 *       → {@code models}) — that Lucene's {@link DirectSpellChecker} finds in titles and abstracts,
 *       or in author names when those have none, and that are more likely what was meant: a noisy
 *       channel where each edit costs a factor of {@link #EDIT_COST}, so a candidate must be in
 *       more than {@code EDIT_COST^edits} times as many papers as the word ({@code langauge}, in 5
 *       of 112,788 arXiv papers, becomes {@code language}; {@code resnext}, in 13, stays).
 *   <li>Each combination of the suspects' choices (a candidate or the word as typed) is a respelled
 *       query; the most likely ones are counted against the index under the request's filters, and
 *       the one that finds the most papers wins (the likelier on a tie): corrections that occur
 *       together beat ones that are each frequent alone.
 * </ol>
 *
 * <p>Words inside quotes, ids, DOIs, prefixes and fuzzy words never reach it (the parser leaves
 * them out of {@code words}), nor do words with digits or other non-letters.
 */
public final class SpellingCorrector {
  /** Words in more papers than this are not misspellings worth a look. */
  static final int SUSPECT_DF = 20;

  /** How much less likely each edit makes a candidate than the word as typed. */
  static final double EDIT_COST = 50;

  /** Suspect words per query, the first ones: each costs the spell checker a dictionary walk. */
  static final int MAX_RESPELLED = 4;

  /** Candidates kept per suspect word, the likeliest. */
  static final int MAX_CANDIDATES = 3;

  /** Respelled queries counted against the index, the likeliest. */
  static final int MAX_COUNTED = 24;

  /** A query finding this many papers or fewer finds nearly nothing (see {@link #shows}). */
  static final int NEARLY_NOTHING = 10;

  /** How many times as much a respelling must find to be shown instead (see {@link #shows}). */
  static final int MUCH_MORE = 50;

  private static final List<String> TEXT_FIELDS = List.of(Fields.ABSTRACT, Fields.TITLE);

  /** How many respellings of a word the spell checker gives. */
  public static final int SIMILAR = 5;

  /** How close a respelling must be (the spell checker's accuracy). */
  public static final float ACCURACY = 0.6f;

  /** Longer words are no misspellings (and their automata cost time in proportion to length). */
  public static final int MAX_WORD_LENGTH = QueryLimits.MAX_FUZZY_LENGTH + 1;

  private final Vocabulary vocabulary;

  /**
   * The index's words as the corrector asks about them: the embedded index's term dictionary, or a
   * remote engine's statistics and spell checker.
   */
  public interface Vocabulary {
    /** Papers holding {@code term} in {@code field} (a text field's exact term: {@code =word}). */
    int docFreq(String field, String term) throws IOException;

    /**
     * {@link #docFreq} of each of {@code terms}, in their order: a store that answers over the
     * network counts them all in one request.
     */
    default int[] docFreqs(List<Term> terms) throws IOException {
      int[] out = new int[terms.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = docFreq(terms.get(i).field(), terms.get(i).text());
      }
      return out;
    }

    /**
     * For each word, the largest document frequency of its terms ({@code words.get(i)}: one per
     * field), exact up to {@code cap} and past it any number above {@code cap}: the corrector only
     * asks whether a word is in more than {@link #SUSPECT_DF} papers. By default {@link #docFreqs}
     * of all the terms at once.
     */
    default int[] largestDocFreqs(List<List<Term>> words, int cap) throws IOException {
      List<Term> all = new ArrayList<>();
      for (List<Term> terms : words) all.addAll(terms);
      int[] freqs = docFreqs(all);
      int[] out = new int[words.size()];
      int at = 0;
      for (int w = 0; w < out.length; w++) {
        for (int i = 0; i < words.get(w).size(); i++) out[w] = Math.max(out[w], freqs[at++]);
      }
      return out;
    }

    /**
     * At most {@link #SIMILAR} indexed terms of {@code field} within two edits of {@code term} (a
     * swap of two letters one edit) and in more papers, as Lucene's {@link DirectSpellChecker}
     * finds them with a shortest prefix of {@link #minPrefix}, a shortest word of that plus 3,
     * {@link #ACCURACY} and words of at most {@link #MAX_WORD_LENGTH}: best first.
     *
     * @param names {@code field} holds author names (no exact mark)
     */
    SuggestWord[] similar(String field, String term, boolean names) throws IOException;
  }

  /**
   * The prefix a respelling keeps: the exact mark and a letter in text fields, a letter in names.
   */
  public static int minPrefix(boolean names) {
    return names ? 1 : 2;
  }

  /** A respelled query and how many papers it finds. */
  public record Correction(String text, long count) {}

  /** One way to read a word: as typed or as a candidate, with its log-likelihood. */
  private record Choice(String word, double logLikelihood, boolean typed) {}

  /**
   * Whether a respelling that finds {@code corrected} papers is shown instead of the query as
   * typed, which finds {@code total}: when that finds nothing, or nearly nothing ({@link
   * #NEARLY_NOTHING} or fewer) and the respelling {@link #MUCH_MORE} times as much.
   */
  public static boolean shows(long total, long corrected) {
    if (corrected <= 0) return false;
    return total == 0 || (total <= NEARLY_NOTHING && corrected >= MUCH_MORE * total);
  }

  /**
   * Whether a query is worth respelling at all, given what it finds as typed: keywords always (a
   * respelling may find much more, or be worth suggesting); a sentence only when it finds nearly
   * nothing ({@link #NEARLY_NOTHING} or fewer). A sentence is a ranked OR of its words: a rare or
   * misspelled word in a pasted claim takes nothing from what its other words find, and looking up
   * each such word cost more than the search itself (a fuzzy automaton per word: 45% of the time of
   * SciFact's claims over the 112,788 arXiv papers).
   */
  public static boolean worthTrying(boolean sentence, long total) {
    return !sentence || total <= NEARLY_NOTHING;
  }

  public SpellingCorrector(IndexReader reader) {
    this(new ReaderVocabulary(reader, checker(false), checker(true)));
  }

  public SpellingCorrector(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  private static DirectSpellChecker checker(boolean names) {
    DirectSpellChecker c = new DirectSpellChecker();
    // Text terms start with the exact mark: a prefix of 2 is the mark plus the first letter.
    c.setMinPrefix(minPrefix(names));
    c.setMinQueryLength(minPrefix(names) + 3);
    c.setAccuracy(ACCURACY);
    // Damerau's distance: a swap of two letters ("modles") is one edit, not two.
    c.setDistance(new LuceneLevenshteinDistance());
    c.setMaxQueryLength(MAX_WORD_LENGTH);
    return c;
  }

  /** The embedded index's words. */
  private record ReaderVocabulary(
      IndexReader reader, DirectSpellChecker text, DirectSpellChecker names) implements Vocabulary {
    @Override
    public int docFreq(String field, String term) throws IOException {
      return reader.docFreq(new Term(field, term));
    }

    /**
     * Stops at the first field, and the first segments (largest first), that put a word past {@code
     * cap}: an ordinary word costs one term look-up instead of one per field and segment (three
     * fields and three segments: a tenth of a two-word search's time).
     */
    @Override
    public int[] largestDocFreqs(List<List<Term>> words, int cap) throws IOException {
      List<LeafReaderContext> leaves = new ArrayList<>(reader.leaves());
      leaves.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
      int[] out = new int[words.size()];
      for (int w = 0; w < out.length; w++) {
        for (Term t : words.get(w)) {
          int df = 0;
          for (LeafReaderContext leaf : leaves) {
            df += leaf.reader().docFreq(t);
            if (df > cap) break;
          }
          out[w] = Math.max(out[w], df);
          if (out[w] > cap) break;
        }
      }
      return out;
    }

    @Override
    public SuggestWord[] similar(String field, String term, boolean names) throws IOException {
      return (names ? this.names : text)
          .suggestSimilar(new Term(field, term), SIMILAR, reader, SuggestMode.SUGGEST_MORE_POPULAR);
    }
  }

  /**
   * The best respelling of {@code query}, or null when no word looks misspelled or no respelling
   * finds anything.
   *
   * @param words the query's plain words as typed ({@code ParsedQuery.words()})
   * @param count counts the papers a query text finds under the request's filters
   */
  public Correction correct(String query, List<String> words, ToLongFunction<String> count) {
    Map<String, Integer> freqs = docFreqs(words);
    Map<String, List<Choice>> suspects = new LinkedHashMap<>();
    for (String word : words) {
      if (suspects.size() >= MAX_RESPELLED) break;
      if (suspects.containsKey(word)) continue;
      List<Choice> choices = choices(word, freqs);
      if (choices.size() > 1) suspects.put(word, choices);
    }
    if (suspects.isEmpty()) return null;
    Correction best = null;
    for (Map<String, String> respelling : likeliest(suspects)) {
      String respelled = replace(query, respelling);
      long found = count.applyAsLong(respelled);
      if (found > 0 && (best == null || found > best.count())) {
        best = new Correction(respelled, found);
      }
    }
    return best;
  }

  /** The word in the index's terms, or null when it is never respelled (a number, an id). */
  private static String respellable(String word) {
    String normalized = TextAnalysis.normalize(Fields.TITLE, word);
    if (normalized.isEmpty()
        || !normalized.chars().allMatch(Character::isLetter)
        || StructuredQueries.looksLikeId(word)) {
      return null;
    }
    return normalized;
  }

  private static final List<String> ALL_FIELDS =
      List.of(Fields.ABSTRACT, Fields.TITLE, Fields.AUTHORS);

  /**
   * Each respellable word's document frequency, the largest of its fields' — exact up to {@link
   * #SUSPECT_DF}, past it only "more" — asked for at once.
   */
  private Map<String, Integer> docFreqs(List<String> words) {
    List<String> normalized = new ArrayList<>();
    List<List<Term>> terms = new ArrayList<>();
    for (String word : words) {
      String n = respellable(word);
      if (n == null || normalized.contains(n)) continue;
      normalized.add(n);
      List<Term> fields = new ArrayList<>();
      for (String f : ALL_FIELDS) fields.add(new Term(f, term(f, n)));
      terms.add(fields);
    }
    Map<String, Integer> out = new HashMap<>();
    if (terms.isEmpty()) return out;
    try {
      int[] freqs = vocabulary.largestDocFreqs(terms, SUSPECT_DF);
      for (int i = 0; i < freqs.length; i++) out.put(normalized.get(i), freqs[i]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The word as typed and its candidates, likeliest first; just the word when it is no suspect. */
  private List<Choice> choices(String word, Map<String, Integer> freqs) {
    String normalized = respellable(word);
    if (normalized == null) return List.of(new Choice(word, 0, true));
    try {
      int df = freqs.getOrDefault(normalized, 0);
      // A word no paper holds has no likelihood of its own: any indexed candidate beats it.
      double typed = df == 0 ? Double.NEGATIVE_INFINITY : Math.log(df);
      List<Choice> out = new ArrayList<>();
      out.add(new Choice(word, typed, true));
      if (df > SUSPECT_DF) return out;
      List<SuggestWord> found = new ArrayList<>();
      for (String f : TEXT_FIELDS) {
        found.addAll(List.of(vocabulary.similar(f, term(f, normalized), false)));
      }
      if (found.isEmpty()) {
        found.addAll(
            List.of(vocabulary.similar(Fields.AUTHORS, term(Fields.AUTHORS, normalized), true)));
      }
      Map<String, Choice> candidates = new LinkedHashMap<>();
      for (SuggestWord s : found) {
        String w = s.string.startsWith(Analyzers.EXACT_MARK) ? s.string.substring(1) : s.string;
        if (w.equals(normalized)) continue;
        int edits = edits(s.score, normalized, w);
        double likelihood = Math.log(s.freq) - edits * Math.log(EDIT_COST);
        if (likelihood <= typed) continue; // the word as typed is likelier
        Choice c = new Choice(matchCase(word, w), likelihood, false);
        candidates.merge(w, c, (a, b) -> a.logLikelihood() >= b.logLikelihood() ? a : b);
      }
      candidates.values().stream()
          .sorted(Comparator.comparingDouble(Choice::logLikelihood).reversed())
          .limit(MAX_CANDIDATES)
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String term(String field, String normalized) {
    return TextAnalysis.isText(field) ? Analyzers.EXACT_MARK + normalized : normalized;
  }

  /** Edits between two words, from the spell checker's similarity (1 - edits / longer length). */
  private static int edits(float similarity, String a, String b) {
    return Math.max(1, Math.round((1 - similarity) * Math.max(a.length(), b.length())));
  }

  /**
   * The respellings (suspect word → its replacement) of every combination of choices that changes
   * at least one word, likeliest first, at most {@link #MAX_COUNTED}.
   */
  private static List<Map<String, String>> likeliest(Map<String, List<Choice>> suspects) {
    record Combination(Map<String, String> respelling, double logLikelihood, boolean changes) {}
    List<Combination> all = List.of(new Combination(Map.of(), 0, false));
    for (Map.Entry<String, List<Choice>> e : suspects.entrySet()) {
      List<Combination> next = new ArrayList<>();
      for (Combination c : all) {
        for (Choice choice : e.getValue()) {
          Map<String, String> r = new LinkedHashMap<>(c.respelling());
          if (!choice.typed()) r.put(e.getKey(), choice.word());
          next.add(
              new Combination(
                  r, c.logLikelihood() + choice.logLikelihood(), c.changes() || !choice.typed()));
        }
      }
      all = next;
    }
    return all.stream()
        .filter(Combination::changes)
        .sorted(Comparator.comparingDouble(Combination::logLikelihood).reversed())
        .limit(MAX_COUNTED)
        .map(Combination::respelling)
        .toList();
  }

  /**
   * {@code query} with each whole word of {@code respelling}'s keys replaced, outside quotes (a
   * phrase is never respelled, though the same word elsewhere is).
   */
  private static String replace(String query, Map<String, String> respelling) {
    String out = query;
    for (Map.Entry<String, String> e : respelling.entrySet()) {
      Matcher m =
          Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])")
              .matcher(out);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        boolean quoted = out.substring(0, m.start()).chars().filter(c -> c == '"').count() % 2 == 1;
        m.appendReplacement(b, Matcher.quoteReplacement(quoted ? m.group() : e.getValue()));
      }
      m.appendTail(b);
      out = b.toString();
    }
    return out;
  }

  /** The suggestion in the case the user typed (all upper, capitalized, or lower). */
  private static String matchCase(String typed, String w) {
    if (typed.length() > 1 && typed.equals(typed.toUpperCase(Locale.ROOT))) {
      return w.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(typed.charAt(0))) {
      return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
    return w;
  }
}
