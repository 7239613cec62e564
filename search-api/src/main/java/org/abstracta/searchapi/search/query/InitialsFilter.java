package org.abstracta.searchapi.search.query;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops, straight after the tokenizer, the words that cannot start like one of a set of terms once
 * lower-cased and folded ({@link WordStarts}), so that the rest of the surface chain (possessives,
 * lower case, folding) only runs on words highlighting may mark.
 */
final class InitialsFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private WordStarts starts;

  InitialsFilter(TokenStream in) {
    super(in);
  }

  /** How the words to keep start; set before each reset. */
  void starts(WordStarts starts) {
    this.starts = starts;
  }

  @Override
  protected boolean accept() {
    if (term.length() == 0) return false;
    char[] b = term.buffer();
    return starts.admits(b[0], term.length() > 1 ? b[1] : 0);
  }
}
