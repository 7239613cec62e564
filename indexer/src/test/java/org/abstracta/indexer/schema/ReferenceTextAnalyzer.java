package org.abstracta.indexer.schema;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * The title and abstract analysis with Lucene's own filters after the words — keyword repeat, a
 * stop filter for the stemmed copy only, Porter, a filter that marks the exact copy — as the index
 * was written before {@link ExactAndStemFilter} did it in one pass: the reference it must equal.
 */
final class ReferenceTextAnalyzer extends Analyzer {
  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  @Override
  protected TokenStreamComponents createComponents(String field) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream s = new KeywordRepeatFilter(Analyzers.words(source));
    s = new StemmedStopFilter(s);
    s = new PorterStemFilter(s);
    s = new ExactMarkFilter(s);
    return new TokenStreamComponents(source, s);
  }

  /** Drops stop words from the to-be-stemmed (not keyword) copy of each word only. */
  private static final class StemmedStopFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    StemmedStopFilter(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      return keyword.isKeyword() || !STOP_WORDS.contains(term.buffer(), 0, term.length());
    }
  }

  /** Prefixes the exact (keyword) copy of each word with the exact mark. */
  private static final class ExactMarkFilter extends TokenFilter {
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
}
