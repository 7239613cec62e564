package org.abstracta.searchapi.search.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": plain words no document holds as typed (case and accents aside) are respelled to
 * the closest more frequent indexed word — exact words of title and abstract, author names — with
 * Lucene's {@link DirectSpellChecker}, and the respelled query is offered when it finds at least as
 * much as the query did (and something). An unknown word can still find papers through a shared
 * stem ({@code reinforcment} and "reinforcement" both stem to {@code reinforc}), so a typo is
 * pointed out even when the query finds plenty. Words the index holds are never respelled, which
 * also keeps the spell checker (a few milliseconds per word) off the path of ordinary queries.
 */
public final class SpellingCorrector {
  private static final List<String> FIELDS = List.of(Fields.ABSTRACT, Fields.TITLE, Fields.AUTHORS);

  /**
   * Unknown words respelled per query, the first ones: each costs the spell checker a walk of the
   * term dictionary, so a query of 64 made-up words would otherwise take a second.
   */
  static final int MAX_RESPELLED = 4;

  private final IndexReader reader;
  private final DirectSpellChecker text = checker(2);
  private final DirectSpellChecker names = checker(1);

  public SpellingCorrector(IndexReader reader) {
    this.reader = reader;
  }

  private static DirectSpellChecker checker(int minPrefix) {
    DirectSpellChecker c = new DirectSpellChecker();
    // Text terms start with the exact mark: a prefix of 2 is the mark plus the first letter.
    c.setMinPrefix(minPrefix);
    c.setMinQueryLength(minPrefix + 3);
    c.setAccuracy(0.7f);
    // Longer words are not misspellings, and their automata cost time in proportion to length.
    c.setMaxQueryLength(QueryLimits.MAX_FUZZY_LENGTH + 1);
    return c;
  }

  /**
   * The respelled query, if it finds at least {@code total} papers and some; else null.
   *
   * @param count counts the results of a query text under the request's filters
   */
  public String suggest(
      String query, List<String> words, long total, ToLongFunction<String> count) {
    String respelled = query;
    boolean changed = false;
    int tried = 0;
    for (String word : words) {
      if (known(word)) continue;
      if (++tried > MAX_RESPELLED) break;
      String better = respell(word);
      if (better == null) continue;
      Matcher m =
          Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
              .matcher(respelled);
      if (m.find()) {
        respelled = respelled.substring(0, m.start()) + better + respelled.substring(m.end());
        changed = true;
      }
    }
    if (!changed) return null;
    long found = count.applyAsLong(respelled);
    return found >= total && found > 0 ? respelled : null;
  }

  /** Whether some document holds {@code word} as typed (case and accents aside). */
  private boolean known(String word) {
    String normalized = TextAnalysis.normalize(Fields.TITLE, word);
    if (!normalized.chars().allMatch(Character::isLetter)) return true;
    try {
      for (String field : FIELDS) {
        String text = TextAnalysis.isText(field) ? Analyzers.EXACT_MARK + normalized : normalized;
        if (reader.docFreq(new Term(field, text)) > 0) return true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  /** The best more frequent spelling of one word, or null. */
  private String respell(String word) {
    String normalized = TextAnalysis.normalize(Fields.TITLE, word);
    if (!normalized.chars().allMatch(Character::isLetter)) return null;
    SuggestWord best = null;
    try {
      for (String field : FIELDS) {
        boolean isText = TextAnalysis.isText(field);
        // Title words nearly all recur in abstracts: look in titles only if abstracts had none.
        if (field.equals(Fields.TITLE) && best != null) continue;
        Term t = new Term(field, isText ? Analyzers.EXACT_MARK + normalized : normalized);
        DirectSpellChecker c = isText ? text : names;
        for (SuggestWord s : c.suggestSimilar(t, 1, reader, SuggestMode.SUGGEST_MORE_POPULAR)) {
          if (best == null
              || s.score > best.score
              || (s.score == best.score && s.freq > best.freq)) {
            best = s;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (best == null) return null;
    String w =
        best.string.startsWith(Analyzers.EXACT_MARK) ? best.string.substring(1) : best.string;
    return w.equals(normalized) ? null : matchCase(word, w);
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
