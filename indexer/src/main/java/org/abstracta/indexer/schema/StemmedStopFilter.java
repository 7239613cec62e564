package org.abstracta.indexer.schema;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Drops stop words from the to-be-stemmed copy of each word only: the exact copy (the keyword copy
 * from {@code KeywordRepeatFilter}) stays, so phrases like "state of the art" still match exactly
 * while ranked queries ignore "of" and "the".
 */
final class StemmedStopFilter extends FilteringTokenFilter {
  private final CharArraySet stopWords;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  StemmedStopFilter(TokenStream in, CharArraySet stopWords) {
    super(in);
    this.stopWords = stopWords;
  }

  @Override
  protected boolean accept() {
    return keyword.isKeyword() || !stopWords.contains(term.buffer(), 0, term.length());
  }
}
