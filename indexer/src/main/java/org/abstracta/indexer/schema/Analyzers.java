package org.abstracta.indexer.schema;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains. Title and abstract are analyzed once into two kinds of term at each
 * position: the exact word (case and accent folded, not stemmed, stop words kept) marked with
 * {@link #EXACT_MARK}, and its English stem (stop words dropped). Ranked queries use the stems,
 * quoted phrases the exact terms, so {@code "objectivity"} does not match "objective" while {@code
 * learning} finds "learn" — with one analysis pass instead of a second field. The stacked terms
 * have a position increment of 0 and BM25 discounts overlaps, so field lengths are not doubled.
 */
public final class Analyzers {
  /** Prefix of exact (unstemmed) terms in title and abstract. */
  public static final String EXACT_MARK = "=";

  /** Gap between the values of a multi-valued field, so a phrase never spans two authors. */
  static final int VALUE_GAP = 100;

  /** Words that get no stem term (only their exact term): Lucene's English stop words. */
  static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private Analyzers() {}

  /** Title and abstract: exact and stemmed terms stacked (see the class comment). */
  public static Analyzer text() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new ExactAndStemFilter(words(source)));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /**
   * The words of a title or abstract before the exact/stem split: one token per word, possessive
   * dropped, lower case, accents folded. The exact term of each is {@code EXACT_MARK + word}.
   */
  public static Analyzer surface() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, words(source));
      }
    };
  }

  /** One stemmer per thread: {@link PorterStems} keeps its last result for its caller. */
  private static final ThreadLocal<PorterStems> STEMS = ThreadLocal.withInitial(PorterStems::new);

  /**
   * The stem term {@link #text()} writes for one of {@link #surface()}'s words, or null for a stop
   * word (which gets only its exact term). From the table the indexer's analysis shares.
   */
  public static String stem(String surfaceWord) {
    PorterStems stems = STEMS.get();
    char[] buf = surfaceWord.toCharArray();
    if (!stems.stem(buf, buf.length)) return null;
    return new String(stems.result(), stems.resultStart(), stems.resultLength());
  }

  /**
   * The chain {@link #text()} and {@link #surface()} share, over a {@link StandardTokenizer}'s
   * tokens (or a filter that only drops some of them, as highlighting's does).
   */
  public static TokenStream words(TokenStream source) {
    TokenStream s = new EnglishPossessiveFilter(source);
    s = new LowerCaseFilter(s);
    return new ASCIIFoldingFilter(s);
  }

  /** Author names: words, lower case, accents folded ("Pérez" is found by "perez"). */
  public static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }

      @Override
      public int getPositionIncrementGap(String field) {
        return VALUE_GAP;
      }
    };
  }

  /** The analyzer for every field of a paper document, as the writer and the searcher use it. */
  public static Analyzer perField() {
    Analyzer text = text();
    return new PerFieldAnalyzerWrapper(
        text, Map.of(Fields.AUTHORS, names(), Fields.TITLE, text, Fields.ABSTRACT, text));
  }
}
