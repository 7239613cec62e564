package org.abstracta.searchapi.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.query.PrefixExpander.Expansion;
import org.abstracta.searchapi.search.query.TextAnalysis.Tok;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the per-field queries for words and phrases in the full-text fields ({@code title}, {@code
 * abstract}, {@code authors}). Each method returns null when the text yields nothing to search in
 * that field (a stop word, punctuation, a prefix no word starts).
 */
public final class TextQueries {
  private final PrefixExpander expander;

  public TextQueries(PrefixExpander expander) {
    this.expander = expander;
  }

  /**
   * A ranked word in one field: its stem; for a word the analyzer splits ({@code non-invasive},
   * {@code Pérez-Ortiz}) the phrase of its parts, or with {@code splitParts} any of its parts.
   */
  Query ranked(String field, String text, boolean splitParts) {
    List<Tok> toks = TextAnalysis.rankedTerms(field, text);
    if (!splitParts || toks.size() < 2) return termOrPhrase(field, toks, 0);
    List<Query> parts = new ArrayList<>();
    for (Tok t : toks) parts.add(new TermQuery(new Term(field, t.term())));
    return anyOf(parts);
  }

  /**
   * A ranked word in title and abstract scored as one field (BM25F, see {@link Relevance}): its
   * stem, or with {@code splitParts} each part of a split word. Null when there is no stem, and for
   * a split word without {@code splitParts}: a phrase is scored per field.
   */
  static Query titleAndAbstract(String text, boolean splitParts) {
    List<Tok> toks = TextAnalysis.rankedTerms(Fields.TITLE, text);
    if (toks.isEmpty() || (toks.size() > 1 && !splitParts)) return null;
    List<Query> parts = new ArrayList<>();
    for (Tok t : toks) parts.add(titleAndAbstractStem(t.term()));
    return anyOf(parts);
  }

  /** A stem (as the index holds it) in title and abstract scored as one field (BM25F). */
  public static Query titleAndAbstractStem(String stem) {
    return new CombinedFieldQuery.Builder(stem)
        .addField(Fields.TITLE, Relevance.TITLE)
        .addField(Fields.ABSTRACT, Relevance.ABSTRACT)
        .build();
  }

  /** The disjunction of {@code queries} (the query itself for one). */
  static Query anyOf(List<Query> queries) {
    if (queries.size() == 1) return queries.getFirst();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : queries) b.add(q, Occur.SHOULD);
    return b.build();
  }

  /** A quoted phrase on exact (unstemmed) terms; {@code slop} moves allowed. */
  Query exact(String field, String text, int slop) {
    return termOrPhrase(field, TextAnalysis.exactTerms(field, text), slop);
  }

  /** Whether {@code text} is only stop words in the text fields (no stems, some exact terms). */
  public static boolean onlyStopWords(String text) {
    List<Tok> all = TextAnalysis.tokens("title", text);
    return !all.isEmpty() && all.stream().allMatch(Tok::exact);
  }

  /** Words starting with {@code text}: exact terms for text fields, the most frequent first. */
  public Query prefix(String field, String text) {
    return prefix(field, text, QueryLimits.MAX_PREFIX_EXPANSIONS);
  }

  /** As {@link #prefix(String, String)}, expanded to at most {@code max} words. */
  Query prefix(String field, String text, int max) {
    String normalized = TextAnalysis.normalize(field, text);
    if (normalized.isEmpty()) return null;
    List<Expansion> words = expander.expand(field, TextAnalysis.exact(field, normalized), max);
    if (words.isEmpty()) return null;
    if (words.size() == 1) return new TermQuery(words.getFirst().term());
    // One pseudo-word: a document's score does not grow with how many expansions it holds.
    SynonymQuery.Builder b = new SynonymQuery.Builder(field);
    for (Expansion e : words) b.addTerm(e.term());
    return b.build();
  }

  /**
   * Words within {@code edits} edits of {@code text} (exact terms for text fields), at most {@code
   * maxExpansions} of them, the closest.
   */
  Query fuzzy(String field, String text, int edits, int maxExpansions) {
    String normalized = TextAnalysis.normalize(field, text);
    if (normalized.isEmpty()) return null;
    Term term = new Term(field, TextAnalysis.exact(field, normalized));
    if (edits == 0) return new TermQuery(term);
    // In text fields the exact mark is a shared first character: a prefix of 1 costs nothing.
    int prefix = TextAnalysis.isText(field) ? 1 : 0;
    FuzzyQuery fuzzy = new FuzzyQuery(term, edits, prefix, maxExpansions, true);
    // Expanded here, once per snapshot's reader: the query holds each word twice (ranked, and in
    // the all-words bonus) and highlighting and facet counts rewrite it again; building the edit
    // automaton each time made a query of a few fuzzy words take seconds.
    try {
      return fuzzy.rewrite(new IndexSearcher(expander.reader()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Edits for {@code word~}: none for short words, one up to five letters, else two. */
  public static int autoEdits(String text) {
    int n = text.codePointCount(0, text.length());
    return n <= 2 ? 0 : n <= 5 ? 1 : 2;
  }

  /** {@code q} weighted by its field's weight, or null. */
  static Query weighted(String field, Query q) {
    if (q == null) return null;
    float w = Relevance.weight(field);
    return w == 1f ? q : new BoostQuery(q, w);
  }

  private static Query termOrPhrase(String field, List<Tok> toks, int slop) {
    if (toks.isEmpty()) return null;
    if (toks.size() == 1) return new TermQuery(new Term(field, toks.getFirst().term()));
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    int first = toks.getFirst().position();
    for (Tok t : toks) b.add(new Term(field, t.term()), t.position() - first);
    b.setSlop(slop);
    return b.build();
  }
}
