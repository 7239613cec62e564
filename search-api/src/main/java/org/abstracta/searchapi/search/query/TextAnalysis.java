package org.abstracta.searchapi.search.query;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Query-side analysis with the index's own analyzers (so a query word becomes exactly the terms the
 * indexer wrote). Text fields yield, per position, an exact term ({@code =word}) and, unless it is
 * a stop word, a stem.
 */
public final class TextAnalysis {
  private static final Analyzer TEXT = Analyzers.text();
  private static final Analyzer NAMES = Analyzers.names();

  /**
   * The text chain up to (not including) the exact/stem split: the surface words whose exact term
   * is {@code =word}. Highlighting reads these with {@link Analyzers#stem}: it wants each word
   * once, with its offsets and its stem, rather than the index's two terms per word.
   */
  private static final Analyzer SURFACE = Analyzers.surface();

  /** A term at a position, with the character offsets of the word it came from. */
  public record Tok(String term, int position, int start, int end) {
    public boolean exact() {
      return term.startsWith(Analyzers.EXACT_MARK);
    }
  }

  private TextAnalysis() {}

  public static boolean isText(String field) {
    return Fields.TITLE.equals(field) || Fields.ABSTRACT.equals(field);
  }

  /** The analyzer the index uses for {@code field}. */
  static Analyzer analyzer(String field) {
    return Fields.AUTHORS.equals(field) ? NAMES : TEXT;
  }

  /** Every term of {@code text} as the index would hold it in {@code field}. */
  public static List<Tok> tokens(String field, String text) {
    return run(analyzer(field), field, text);
  }

  private static List<Tok> run(Analyzer analyzer, String field, String text) {
    List<Tok> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new Tok(term.toString(), position, offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return out;
  }

  /** Receives the surface words of a text, one at a time, in the analyzer's own buffer. */
  @FunctionalInterface
  public interface WordSink {
    /**
     * @param word the word's characters (lower case, folded) in {@code word[0, length)}; the array
     *     is reused for the next word
     * @param start where the word starts in the text
     * @param end where it ends (exclusive)
     */
    void word(char[] word, int length, int start, int end);
  }

  /**
   * The surface words of a text field's value, as {@link #surfaceWords} gives them, handed to
   * {@code sink} without a string or list per word: for highlighting, which looks most words up
   * only by their first letter.
   */
  public static void forEachSurfaceWord(String text, WordSink sink) {
    try (TokenStream ts = SURFACE.tokenStream(Fields.TITLE, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        sink.word(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
  }

  /**
   * The surface words of a text field's value that may carry one of a set of terms ({@link
   * WordStarts}), handed to {@code sink} as {@link #forEachSurfaceWord(String, WordSink)} hands
   * every word. Only those words are analysed: in an ASCII text only the parts that hold one are
   * tokenized at all ({@link CandidateText}), and the other words are dropped right after the
   * tokenizer, before the rest of the chain. Tokenizing, lower-casing and folding every word of ten
   * abstracts was most of highlighting's time.
   */
  public static void forEachSurfaceWord(String text, WordStarts starts, WordSink sink) {
    CandidateText parts = CandidateText.of(text, starts);
    InitialsChain chain = INITIALS_CHAIN.get();
    chain.filter.starts(starts);
    chain.source.setReader(new StringReader(parts == null ? text : parts.text()));
    TokenStream ts = chain.words;
    try {
      ts.reset();
      while (ts.incrementToken()) {
        int start = chain.offset.startOffset();
        int end = chain.offset.endOffset();
        if (parts != null) {
          int original = parts.original(start);
          end = original + (end - start);
          start = original;
        }
        sink.word(chain.term.buffer(), chain.term.length(), start, end);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    } finally {
      try {
        ts.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The surface chain with an {@link InitialsFilter} after its tokenizer, one per thread. */
  private static final class InitialsChain {
    final StandardTokenizer source = new StandardTokenizer();
    final InitialsFilter filter = new InitialsFilter(source);
    final TokenStream words = Analyzers.words(filter);
    final CharTermAttribute term = words.addAttribute(CharTermAttribute.class);
    final OffsetAttribute offset = words.addAttribute(OffsetAttribute.class);
  }

  private static final ThreadLocal<InitialsChain> INITIALS_CHAIN =
      ThreadLocal.withInitial(InitialsChain::new);

  /** The surface words of a text field's value (lower case, folded), with positions and offsets. */
  public static List<Tok> surfaceWords(String text) {
    return run(SURFACE, Fields.TITLE, text);
  }

  /** Stems only (text fields) or every term (authors), for ranked words. */
  public static List<Tok> rankedTerms(String field, String text) {
    List<Tok> all = tokens(field, text);
    if (!isText(field)) return all;
    List<Tok> stems = new ArrayList<>();
    for (Tok t : all) if (!t.exact()) stems.add(t);
    return stems;
  }

  /** Exact terms only (text fields) or every term (authors), for quoted phrases. */
  public static List<Tok> exactTerms(String field, String text) {
    List<Tok> all = tokens(field, text);
    if (!isText(field)) return all;
    List<Tok> exact = new ArrayList<>();
    for (Tok t : all) if (t.exact()) exact.add(t);
    return exact;
  }

  /** {@code text} lower-cased and accent-folded as one term, as the field's normalizer does. */
  public static String normalize(String field, String text) {
    return analyzer(field).normalize(field, text).utf8ToString();
  }

  /** The exact-term form of a normalized word in a text field. */
  static String exact(String field, String normalizedWord) {
    return isText(field) ? Analyzers.EXACT_MARK + normalizedWord : normalizedWord;
  }
}
