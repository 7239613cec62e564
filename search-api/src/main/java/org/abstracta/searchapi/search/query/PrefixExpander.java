package org.abstracta.searchapi.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Expands a prefix to the indexed words it starts, keeping the {@link
 * QueryLimits#MAX_PREFIX_EXPANSIONS} most frequent. A prefix spanning more than {@link
 * QueryLimits#MAX_PREFIX_SCAN} distinct words is refused rather than scanned.
 */
public final class PrefixExpander {
  private final IndexReader reader;

  public PrefixExpander(IndexReader reader) {
    this.reader = reader;
  }

  /** The snapshot whose words this expands. */
  IndexReader reader() {
    return reader;
  }

  /** A term with its document frequency. */
  public record Expansion(Term term, int docFreq) {}

  /** The most frequent terms of {@code field} starting with {@code prefix}, most frequent first. */
  public List<Expansion> expand(String field, String prefix, int max) {
    try {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) return List.of();
      BytesRef start = new BytesRef(prefix);
      TermsEnum te = terms.iterator();
      if (te.seekCeil(start) == TermsEnum.SeekStatus.END) return List.of();
      PriorityQueue<Expansion> top =
          new PriorityQueue<>(Comparator.comparingInt(Expansion::docFreq));
      int scanned = 0;
      for (BytesRef t = te.term(); t != null; t = te.next()) {
        if (!StringHelper.startsWith(t, start)) break;
        if (++scanned > QueryLimits.MAX_PREFIX_SCAN) {
          throw QueryLimits.tooMuch(
              "prefix_too_broad",
              "the prefix '"
                  + prefix.replace("=", "")
                  + "*' matches too many words; type more of it");
        }
        int df = te.docFreq();
        if (top.size() < max) {
          top.add(new Expansion(new Term(field, BytesRef.deepCopyOf(t)), df));
        } else if (df > top.peek().docFreq()) {
          top.poll();
          top.add(new Expansion(new Term(field, BytesRef.deepCopyOf(t)), df));
        }
      }
      List<Expansion> out = new ArrayList<>(top);
      out.sort(Comparator.comparingInt(Expansion::docFreq).reversed());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
