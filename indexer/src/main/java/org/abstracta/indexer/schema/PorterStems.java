package org.abstracta.indexer.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Whether a word is one of {@link Analyzers#STOP_WORDS} and, if not, its stem by Lucene's Porter
 * stemmer, with a cache of both. Stemming is a pure function of the word and the vocabulary of
 * abstracts is small next to their length (a few thousand words make most of the text), so most
 * words take a hash and a compare instead of a set lookup and the stemmer's rule passes: indexing
 * analyzes every word of every abstract.
 *
 * <p>The cache is shared by every thread and bounded: a fixed table where each word has one slot
 * and a newer word evicts an older one. An entry is one array, filled before it is published with
 * release semantics and read with acquire semantics (plain moves on x86): a thread sees an entry
 * whole, or an older one, or none, and a lost race only costs one more stemming. Each instance owns
 * its stemmer and its result and is used by one thread, as a token filter is.
 */
final class PorterStems {
  /** Slots of the shared table: a few MB at most, enough for the words that make most text. */
  static final int SLOTS = 1 << 15;

  /** Longer words are stemmed every time: they are rare, and the table's memory stays bounded. */
  static final int MAX_CACHED_LENGTH = 24;

  /**
   * Entries: {@code [word length, 1 if a stop word else 0, word..., stem...]} in one array, so a
   * lookup reads one object. Read and written through {@link #SLOT}: see the class comment.
   */
  private static final char[][] TABLE = new char[SLOTS][];

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(char[][].class);

  private static final int HEADER = 2;

  private final OneWord word = new OneWord();
  private final PorterStemFilter porter = new PorterStemFilter(word);
  private final CharTermAttribute stemmed = porter.getAttribute(CharTermAttribute.class);

  /** The last {@link #stem}'s result: {@code resultLength} chars of {@code result} from start. */
  private char[] result;

  private int resultStart;
  private int resultLength;

  PorterStems() {
    try {
      porter.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a stream over one in-memory word cannot fail
    }
  }

  /**
   * Looks up {@code buf[0, len)}: false for a stop word; else true, with its stem in {@link
   * #result()} from {@link #resultStart()} for {@link #resultLength()} chars (not to be modified).
   */
  boolean stem(char[] buf, int len) {
    boolean cached = len <= MAX_CACHED_LENGTH;
    int slot = cached ? hash(buf, len) & (SLOTS - 1) : -1;
    char[] e = cached ? (char[]) SLOT.getAcquire(TABLE, slot) : null;
    if (e == null || !holds(e, buf, len)) {
      e = entry(buf, len, Analyzers.STOP_WORDS.contains(buf, 0, len));
      if (cached) SLOT.setRelease(TABLE, slot, e);
    }
    if (e[1] != 0) return false;
    use(e, len);
    return true;
  }

  char[] result() {
    return result;
  }

  int resultStart() {
    return resultStart;
  }

  int resultLength() {
    return resultLength;
  }

  private void use(char[] entry, int wordLength) {
    result = entry;
    resultStart = HEADER + wordLength;
    resultLength = entry.length - resultStart;
  }

  private static boolean holds(char[] entry, char[] buf, int len) {
    if (entry[0] != len) return false;
    for (int i = 0; i < len; i++) {
      if (entry[HEADER + i] != buf[i]) return false;
    }
    return true;
  }

  /** A new entry for the word: its stem unless it is a stop word. */
  private char[] entry(char[] buf, int len, boolean stopWord) {
    int stemLength = 0;
    if (!stopWord) {
      word.set(buf, len);
      try {
        porter.incrementToken();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      stemLength = stemmed.length();
    }
    char[] e = new char[HEADER + len + stemLength];
    e[0] = (char) len;
    e[1] = (char) (stopWord ? 1 : 0);
    System.arraycopy(buf, 0, e, HEADER, len);
    if (!stopWord) System.arraycopy(stemmed.buffer(), 0, e, HEADER + len, stemLength);
    return e;
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
