package org.abstracta.searchapi.search.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocAndFloatFeatureBuffer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.MathUtil;

/**
 * Scores the matches of {@link AllWordsQuery} a window of documents at a time. The commonest words
 * are read in bulk: each of a word's terms hands over its next postings with their scores ({@link
 * Scorer#nextDocsAndScores}), which are added into per-document sums and a bit set of the word's
 * documents; the running set of matches is the intersection of the words' sets. Once the matches
 * left in a window are few next to a word's postings there, that word is looked up for each of them
 * instead. A window whose best possible score cannot enter the page is skipped.
 *
 * <p>A word's score is its terms' scores summed as a double and rounded to a float, and a match's
 * score its words' floats summed the same way, which is what Lucene's disjunction and conjunction
 * scorers compute.
 */
final class AllWordsBulkScorer extends BulkScorer {
  private static final int WINDOW = 4096;

  /** A word is looked up per match when the matches are fewer than its postings by this much. */
  private static final int LOOKUP_RATIO = 8;

  /** Each word's term scorers, the cheapest word first. */
  private final Scorer[][] words;

  /** Each word's postings in the segment, in the same order. */
  private final long[] postings;

  private final DocIdSetIterator filter;
  private final int maxDoc;
  private final long[] matches = new long[WINDOW / Long.SIZE];
  private final long[] wordDocs = new long[WINDOW / Long.SIZE];
  private final double[] wordScore = new double[WINDOW];
  private final double[] score = new double[WINDOW];
  private final DocAndFloatFeatureBuffer buffer = new DocAndFloatFeatureBuffer();
  private final Score scorable = new Score();

  /**
   * @param words each word's term scorers
   * @param filter the documents the filters allow, or null for all
   */
  AllWordsBulkScorer(Scorer[][] words, DocIdSetIterator filter, int maxDoc) {
    Integer[] order = new Integer[words.length];
    long[] cost = new long[words.length];
    for (int w = 0; w < words.length; w++) {
      order[w] = w;
      for (Scorer s : words[w]) cost[w] += s.iterator().cost();
    }
    Arrays.sort(order, Comparator.comparingLong(w -> cost[w]));
    this.words = new Scorer[words.length][];
    this.postings = new long[words.length];
    for (int i = 0; i < order.length; i++) {
      this.words[i] = words[order[i]];
      this.postings[i] = cost[order[i]];
    }
    this.filter = filter;
    this.maxDoc = maxDoc;
  }

  /** What the collector reads: the current match's score, and the score a match must reach. */
  private static final class Score extends Scorable {
    float score;
    float minCompetitive;

    @Override
    public float score() {
      return score;
    }

    @Override
    public void setMinCompetitiveScore(float min) {
      minCompetitive = min;
    }
  }

  @Override
  public long cost() {
    return postings[0];
  }

  @Override
  public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
    collector.setScorer(scorable);
    max = Math.min(max, maxDoc);
    int base = min;
    while (base < max) {
      base = Math.max(base, firstDocOfCheapestWord(base));
      if (base >= max) break;
      int end = (int) Math.min((long) base + WINDOW, max);
      if (scorable.minCompetitive == 0 || maxScore(base, end - 1) >= scorable.minCompetitive) {
        scoreWindow(collector, acceptDocs, base, end);
      }
      base = end;
    }
    return max >= maxDoc ? DocIdSetIterator.NO_MORE_DOCS : max;
  }

  /** The first document at or after {@code from} where the cheapest word occurs. */
  private int firstDocOfCheapestWord(int from) throws IOException {
    int first = DocIdSetIterator.NO_MORE_DOCS;
    for (Scorer s : words[0]) {
      first = Math.min(first, atOrAfter(s.iterator(), from));
    }
    return first;
  }

  /** An upper bound of the scores of documents {@code [from, to]}: every term's block maximum. */
  private float maxScore(int from, int to) throws IOException {
    double sum = 0;
    int terms = 0;
    for (Scorer[] word : words) {
      for (Scorer s : word) {
        if (s.docID() > to) continue; // none of its documents in the range (or none left)
        s.advanceShallow(Math.max(from, s.docID()));
        sum += s.getMaxScore(to);
        terms++;
      }
    }
    return (float) MathUtil.sumUpperBound(sum, Math.max(terms, 2));
  }

  /** Finds and scores the matches in {@code [base, end)} and hands them to the collector. */
  private void scoreWindow(LeafCollector collector, Bits acceptDocs, int base, int end)
      throws IOException {
    int left = WINDOW;
    for (int w = 0; w < words.length; w++) {
      left =
          w > 0 && (long) left * LOOKUP_RATIO < postings[w] * (end - base) / maxDoc
              ? lookUp(w, base)
              : readInBulk(w, base, end);
      if (left == 0) return;
    }
    for (int i = 0; i < matches.length; i++) {
      long bits = matches[i];
      matches[i] = 0;
      while (bits != 0) {
        int d = (i << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        int doc = base + d;
        float s = (float) score[d];
        score[d] = 0;
        if (acceptDocs != null && !acceptDocs.get(doc)) continue;
        if (filter != null) {
          if (atOrAfter(filter, doc) != doc) continue;
        }
        scorable.score = s;
        collector.collect(doc);
      }
    }
  }

  /**
   * Reads word {@code w}'s postings in {@code [base, end)} in bulk and keeps the matches that have
   * it (for the first word, its documents are the matches). Returns how many are left.
   */
  private int readInBulk(int w, int base, int end) throws IOException {
    for (Scorer s : words[w]) {
      if (atOrAfter(s.iterator(), base) >= end) continue;
      for (s.nextDocsAndScores(end, null, buffer);
          buffer.size > 0;
          s.nextDocsAndScores(end, null, buffer)) {
        for (int i = 0; i < buffer.size; i++) {
          int d = buffer.docs[i] - base;
          wordDocs[d >> 6] |= 1L << d;
          wordScore[d] += buffer.features[i];
        }
      }
    }
    int left = 0;
    int read = 0;
    for (int i = 0; i < matches.length; i++) {
      long has = wordDocs[i];
      long kept = w == 0 ? has : matches[i] & has;
      for (long bits = kept; bits != 0; bits &= bits - 1) {
        int d = (i << 6) + Long.numberOfTrailingZeros(bits);
        score[d] += (float) wordScore[d];
      }
      for (long dropped = matches[i] & ~kept; dropped != 0; dropped &= dropped - 1) {
        score[(i << 6) + Long.numberOfTrailingZeros(dropped)] = 0;
      }
      matches[i] = kept;
      left += Long.bitCount(kept);
      read += Long.bitCount(has);
    }
    // The word's sums back to 0: all at once when it was in many of the window's documents.
    if (read > WINDOW / 16) {
      Arrays.fill(wordScore, 0);
      Arrays.fill(wordDocs, 0);
    } else {
      for (int i = 0; i < wordDocs.length; i++) {
        for (long bits = wordDocs[i]; bits != 0; bits &= bits - 1) {
          wordScore[(i << 6) + Long.numberOfTrailingZeros(bits)] = 0;
        }
        wordDocs[i] = 0;
      }
    }
    return left;
  }

  /**
   * Looks word {@code w} up for each match left in the window at {@code base}, advancing its terms
   * to it, and keeps the matches that have it. Returns how many are left.
   */
  private int lookUp(int w, int base) throws IOException {
    int left = 0;
    for (int i = 0; i < matches.length; i++) {
      long kept = 0;
      for (long bits = matches[i]; bits != 0; bits &= bits - 1) {
        int d = (i << 6) + Long.numberOfTrailingZeros(bits);
        int doc = base + d;
        double sum = 0;
        boolean found = false;
        for (Scorer s : words[w]) {
          if (atOrAfter(s.iterator(), doc) == doc) {
            sum += s.score();
            found = true;
          }
        }
        if (found) {
          kept |= 1L << d;
          score[d] += (float) sum;
        } else {
          score[d] = 0;
        }
      }
      matches[i] = kept;
      left += Long.bitCount(kept);
    }
    return left;
  }

  /**
   * {@code it} moved to its first document at or after {@code target} (not back), that document.
   */
  private static int atOrAfter(DocIdSetIterator it, int target) throws IOException {
    return it.docID() < target ? it.advance(target) : it.docID();
  }
}
