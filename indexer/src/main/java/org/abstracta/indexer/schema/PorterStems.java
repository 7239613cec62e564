package org.abstracta.indexer.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's Porter stemmer with a cache of the stems it has computed. Stemming is a pure function of
 * the word and the vocabulary of abstracts is small next to their length (a few thousand words make
 * most of the text), so most tokens take a hash and a compare instead of the stemmer's rule passes:
 * indexing and highlighting analyze every word of every abstract.
 *
 * <p>The cache is shared by every thread and bounded: a fixed table where each word has one slot
 * and a newer word evicts an older one. Entries are immutable and published by a plain write: a
 * thread sees an entry whole or an older one or none (final fields), and a lost race only costs one
 * more stemming. Each instance owns its stemmer and is used by one thread, as a token filter is.
 */
final class PorterStems {
  /** Slots of the shared table: a few MB at most, enough for the words that make most text. */
  static final int SLOTS = 1 << 15;

  /** Longer words are stemmed every time: they are rare, and the table's memory stays bounded. */
  static final int MAX_CACHED_LENGTH = 24;

  private static final Entry[] TABLE = new Entry[SLOTS];

  private record Entry(char[] word, char[] stem) {}

  private final OneWord word = new OneWord();
  private final PorterStemFilter porter = new PorterStemFilter(word);
  private final CharTermAttribute stemmed = porter.getAttribute(CharTermAttribute.class);

  PorterStems() {
    try {
      porter.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a stream over a field cannot fail
    }
  }

  /** The stem of {@code buf[0, len)}; the returned array must not be modified. */
  char[] stem(char[] buf, int len) {
    if (len > MAX_CACHED_LENGTH) return compute(buf, len);
    int slot = hash(buf, len) & (SLOTS - 1);
    Entry e = TABLE[slot];
    if (e != null && Arrays.equals(e.word, 0, e.word.length, buf, 0, len)) return e.stem;
    char[] stem = compute(buf, len);
    TABLE[slot] = new Entry(Arrays.copyOf(buf, len), stem);
    return stem;
  }

  private char[] compute(char[] buf, int len) {
    word.set(buf, len);
    try {
      porter.incrementToken();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Arrays.copyOf(stemmed.buffer(), stemmed.length());
  }

  private static int hash(char[] buf, int len) {
    int h = 0;
    for (int i = 0; i < len; i++) h = 31 * h + buf[i];
    return h ^ (h >>> 15);
  }

  /** A token stream of one word, set before each read: what the Porter filter stems. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    void set(char[] buf, int len) {
      term.copyBuffer(buf, 0, len);
    }

    @Override
    public boolean incrementToken() {
      return true;
    }
  }
}
