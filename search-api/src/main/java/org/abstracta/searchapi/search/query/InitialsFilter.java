package org.abstracta.searchapi.search.query;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops, straight after the tokenizer, the words that cannot start with one of a set of letters
 * once lower-cased and folded, so that the rest of the surface chain (possessives, lower case,
 * folding) only runs on words highlighting may mark. A word starting with a non-ASCII character
 * always passes: folding may turn it into any letter.
 */
final class InitialsFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private String initials = "";

  InitialsFilter(TokenStream in) {
    super(in);
  }

  /** The letters (lower case, folded) a word must start with; set before each reset. */
  void initials(String letters) {
    this.initials = letters;
  }

  @Override
  protected boolean accept() {
    if (term.length() == 0) return false;
    char c = term.buffer()[0];
    if (c >= 128) return true;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    return initials.indexOf(c) >= 0;
  }
}
