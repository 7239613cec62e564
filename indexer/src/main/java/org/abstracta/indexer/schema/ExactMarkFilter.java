package org.abstracta.indexer.schema;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/** Prefixes the exact (keyword) copy of each word with {@link Analyzers#EXACT_MARK}. */
final class ExactMarkFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  ExactMarkFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (keyword.isKeyword()) {
      int len = term.length();
      char[] buf = term.resizeBuffer(len + 1);
      System.arraycopy(buf, 0, buf, 1, len);
      buf[0] = Analyzers.EXACT_MARK.charAt(0);
      term.setLength(len + 1);
      keyword.setKeyword(false);
    }
    return true;
  }
}
