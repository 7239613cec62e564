package org.abstracta.indexer.schema;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns each word into the two terms of {@link Analyzers#text()}: first the exact word marked with
 * {@link Analyzers#EXACT_MARK}, at the word's position; then, unless it is one of {@link
 * Analyzers#STOP_WORDS}, its Porter stem at the same position (increment 0). Offsets and type are
 * the word's for both.
 *
 * <p>One filter rather than Lucene's {@code KeywordRepeatFilter}, a stop filter, {@code
 * PorterStemFilter} and a marking filter: the repeat filter copies every attribute of every token
 * twice (capture and restore), and stemming each occurrence anew made the pair of terms cost twice
 * what the exact term alone does. The terms are the same as that chain's (a test compares them).
 */
final class ExactAndStemFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final PorterStems stems = new PorterStems();

  /** Whether the current word's stem (the last result of {@link #stems}) is still to come. */
  private boolean stemPending;

  ExactAndStemFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (stemPending) {
      term.copyBuffer(stems.result(), stems.resultStart(), stems.resultLength());
      position.setPositionIncrement(0);
      stemPending = false;
      return true;
    }
    if (!input.incrementToken()) return false;
    int len = term.length();
    char[] buf = term.buffer();
    stemPending = stems.stem(buf, len);
    buf = term.resizeBuffer(len + 1);
    System.arraycopy(buf, 0, buf, 1, len);
    buf[0] = Analyzers.EXACT_MARK.charAt(0);
    term.setLength(len + 1);
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    stemPending = false;
  }
}
