package org.abstracta.searchapi.search.query;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a query is keywords ({@code diffusion policy}: every word required) or a sentence — a
 * pasted claim, question or abstract, which no paper holds word for word: a ranked OR of its words
 * with feedback. A query of at least {@link #MIN_SENTENCE_WORDS} plain words is a sentence when it
 * ends like one ({@code .}, {@code ?} or {@code !}), when it has a word that keywords leave out but
 * sentences need (a verb like {@code is}, {@code has}, {@code can}; a question word like {@code
 * how}), or when it has more than {@link #MAX_KEYWORDS} plain words. The boundary is measured with
 * {@code abstracta eval} (docs/relevance.md).
 */
public final class QueryKind {
  /** Fewer plain words than this are keywords, however they are written. */
  static final int MIN_SENTENCE_WORDS = 3;

  /** More plain words than this are a sentence, however they are written. */
  static final int MAX_KEYWORDS = 6;

  /** Auxiliary verbs, copulas and question words: sentences have them, keyword lists do not. */
  private static final Set<String> SENTENCE_WORDS =
      Set.of(
          "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "does", "do",
          "did", "can", "could", "may", "might", "must", "should", "would", "will", "shall",
          "cannot", "what", "which", "who", "whom", "whose", "why", "how", "when", "where",
          "whether");

  private static final Pattern SENTENCE_END = Pattern.compile("[.?!][\"')\\]]*$");
  private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  private QueryKind() {}

  /**
   * @param text the query as typed
   * @param plainWords its plain words: not fields, prefixes, fuzzy words or stop words
   */
  public static boolean isSentence(String text, int plainWords) {
    if (plainWords < MIN_SENTENCE_WORDS) return false;
    if (plainWords > MAX_KEYWORDS) return true;
    if (SENTENCE_END.matcher(text.strip()).find()) return true;
    for (String w : WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (SENTENCE_WORDS.contains(w)) return true;
    }
    return false;
  }
}
