package org.abstracta.searchapi.search.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.facet.FacetFilters;
import org.abstracta.searchapi.search.query.Relevance;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.abstracta.searchapi.search.query.TextAnalysis.Tok;
import org.abstracta.searchapi.search.query.TextQueries;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Pseudo-relevance feedback for sentences (RM3: a relevance model of the first results,
 * interpolated with the query). A pasted claim says what it is about in its own words; the papers
 * it finds first say it in theirs. The sentence is run once for its first {@link
 * Relevance#FEEDBACK_RERANKED} results; the stems of the titles and abstracts of the first {@link
 * Relevance#FEEDBACK_DOCS}, each result weighted by its score relative to the first's, give the
 * {@link Relevance#FEEDBACK_TERMS} most probable words P(w|R) = Σ weight(d) · tf(w, d) / |d|. The
 * query then run scores the sentence at {@link Relevance#FEEDBACK_ORIGINAL} and adds, in those
 * first results only, each word's BM25F score (title and abstract, as the sentence's words) times
 * its share of the rest. The same papers match as without feedback; only their order changes.
 * {@link #expand} gives that as one query (a page of it costs one more search of the sentence, the
 * analysis of ten stored abstracts, and the added words' look-up in the first results); {@link
 * #rerank} gives the first results in the same order from the first search alone, scoring the added
 * words in those results only (what hybrid mode's keyword side needs: its top 100).
 */
public final class Feedback {
  /**
   * One feedback result.
   *
   * @param stems the stems of its title and abstract, in order, repeats kept (stop words dropped)
   * @param score its score for the sentence
   */
  public record Result(List<String> stems, float score) {}

  /**
   * An added word.
   *
   * @param stem as the index holds it
   * @param weight its probability among the added words (they sum to 1)
   */
  public record Expansion(String stem, double weight) {}

  private Feedback() {}

  /**
   * The query to run for the sentence {@code original}: the sentence with the words of its first
   * results (searched with {@code filters}); {@code original} itself when it finds nothing or has
   * no positive word.
   */
  public static Query expand(IndexSearcher searcher, Query original, FacetFilters filters)
      throws IOException {
    return expand(searcher, original, filters, Relevance.FEEDBACK_RERANKED);
  }

  /** As above, the added words scoring in the first {@code reranked} results (tests). */
  static Query expand(IndexSearcher searcher, Query original, FacetFilters filters, int reranked)
      throws IOException {
    int queryStems = queryStems(original);
    if (queryStems == 0) return original;
    ScoreDoc[] top = searcher.search(filters.apply(original), reranked).scoreDocs;
    List<Expansion> words = words(searcher, top);
    if (words.isEmpty()) return original;
    int[] firstResults = new int[top.length];
    for (int i = 0; i < top.length; i++) firstResults[i] = top[i].doc;
    Query addedToFirst =
        new BooleanQuery.Builder()
            .add(added(words, queryStems), Occur.MUST)
            .add(new DocSetQuery(searcher.getIndexReader(), firstResults), Occur.FILTER)
            .build();
    // Every first result matches the sentence: the sentence's clauses and the added words side by
    // side match what the sentence matches. Side by side, not nested: Lucene scores a flat
    // disjunction in bulk, a nested one document at a time (twice as slow).
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    if (original instanceof BooleanQuery bq && onlyShould(bq)) {
      for (BooleanClause c : bq.clauses()) {
        all.add(new BoostQuery(c.query(), Relevance.FEEDBACK_ORIGINAL), Occur.SHOULD);
      }
    } else {
      all.add(new BoostQuery(original, Relevance.FEEDBACK_ORIGINAL), Occur.SHOULD);
    }
    return all.add(addedToFirst, Occur.SHOULD).build();
  }

  /**
   * The first {@code n} results of the sentence {@code original} under {@code filters} in the order
   * {@link #expand}'s query gives them, from one search of the sentence instead of two. The added
   * words score only in the first {@link Relevance#FEEDBACK_RERANKED} results, and each of those
   * scores at least as high for the sentence as any result after them: so those are rescored with
   * the words, and the rest keep the sentence's order, each score the expanded query's (the
   * sentence's times {@link Relevance#FEEDBACK_ORIGINAL}, plus the added words'). Ties by document,
   * as Lucene breaks them. The total is the sentence's as Lucene's top hits count it: exact up to
   * {@link IndexSearcher#search(Query, int)}'s threshold, a lower bound past it (the search skips
   * the papers that cannot reach the first results).
   */
  public static TopDocs rerank(IndexSearcher searcher, Query original, FacetFilters filters, int n)
      throws IOException {
    return rerank(searcher, original, filters, n, Relevance.FEEDBACK_RERANKED);
  }

  /**
   * As above, the added words scoring in the first {@code reranked} results only (hybrid mode
   * passes {@code n}: what it fuses).
   */
  public static TopDocs rerank(
      IndexSearcher searcher, Query original, FacetFilters filters, int n, int reranked)
      throws IOException {
    TopDocs top = searcher.search(filters.apply(original), Math.max(n, reranked));
    ScoreDoc[] docs = top.scoreDocs;
    int queryStems = queryStems(original);
    List<Expansion> words = queryStems == 0 ? List.of() : words(searcher, docs);
    if (words.isEmpty()) {
      return new TopDocs(top.totalHits, Arrays.copyOf(docs, Math.min(n, docs.length)));
    }
    int first = Math.min(docs.length, reranked);
    int[] firstResults = new int[first];
    for (int i = 0; i < first; i++) firstResults[i] = docs[i].doc;
    Map<Integer, Float> addedScores =
        DocScores.of(searcher, added(words, queryStems), firstResults);
    ScoreDoc[] out = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      float added = i < first ? addedScores.getOrDefault(docs[i].doc, 0f) : 0f;
      out[i] = new ScoreDoc(docs[i].doc, Relevance.FEEDBACK_ORIGINAL * docs[i].score + added);
    }
    Arrays.sort(
        out,
        0,
        first,
        Comparator.comparingDouble((ScoreDoc sd) -> sd.score)
            .reversed()
            .thenComparingInt(sd -> sd.doc));
    return new TopDocs(top.totalHits, Arrays.copyOf(out, Math.min(n, out.length)));
  }

  /** The added words as one disjunction, each BM25F over title and abstract at its weight. */
  private static Query added(List<Expansion> words, int queryStems) {
    // RM3 gives each query word 1/|Q| of the original weight; scaled by |Q| that is 1 (as run).
    float rest = (1 - Relevance.FEEDBACK_ORIGINAL) * queryStems;
    BooleanQuery.Builder added = new BooleanQuery.Builder();
    for (Expansion e : words) {
      Query q = TextQueries.titleAndAbstractStem(e.stem());
      added.add(new BoostQuery(q, (float) (rest * e.weight())), Occur.SHOULD);
    }
    return added.build();
  }

  private static boolean onlyShould(BooleanQuery q) {
    if (q.getMinimumNumberShouldMatch() > 0) return false;
    for (BooleanClause c : q.clauses()) if (c.occur() != Occur.SHOULD) return false;
    return true;
  }

  /**
   * The words the first results add ({@link #expansions} of the first {@link
   * Relevance#FEEDBACK_DOCS} of {@code top}).
   */
  static List<Expansion> words(IndexSearcher searcher, ScoreDoc[] top) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<Result> results = new ArrayList<>();
    for (ScoreDoc sd : top) {
      if (results.size() == Relevance.FEEDBACK_DOCS) break;
      results.add(new Result(stems(PaperDocuments.load(stored, sd.doc)), sd.score));
    }
    return expansions(results, Relevance.FEEDBACK_TERMS);
  }

  /**
   * The {@code n} most probable words of {@code results}, weights summing to 1, best first (equal
   * weights in stem order). A result weighs exp((score / first score - 1) / {@link
   * Relevance#FEEDBACK_SPREAD}); within it a stem weighs its count over the result's stem count.
   */
  public static List<Expansion> expansions(List<Result> results, int n) {
    float first = 0;
    for (Result r : results) first = Math.max(first, r.score());
    Map<String, Double> weights = new HashMap<>();
    for (Result r : results) {
      if (r.stems().isEmpty()) continue;
      double weight =
          first > 0 ? Math.exp(((double) r.score() / first - 1) / Relevance.FEEDBACK_SPREAD) : 1;
      double perOccurrence = weight / r.stems().size();
      for (String s : r.stems()) weights.merge(s, perOccurrence, Double::sum);
    }
    List<Map.Entry<String, Double>> best =
        weights.entrySet().stream()
            .sorted(
                Map.Entry.<String, Double>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(n)
            .toList();
    double sum = best.stream().mapToDouble(Map.Entry::getValue).sum();
    List<Expansion> out = new ArrayList<>(best.size());
    for (Map.Entry<String, Double> e : best) out.add(new Expansion(e.getKey(), e.getValue() / sum));
    return out;
  }

  /**
   * The stems of a paper's title and abstract, as the index holds them: each word's stem (cached,
   * as highlighting does it), stop words left out.
   */
  public static List<String> stems(Paper p) {
    List<String> out = new ArrayList<>();
    for (String text : new String[] {p.title(), p.abstractText()}) {
      if (text == null) continue;
      for (Tok word : TextAnalysis.surfaceWords(text)) {
        String stem = Analyzers.stem(word.term());
        if (stem != null) out.add(stem);
      }
    }
    return out;
  }

  /** Distinct stems {@code q} searches in the title (not those it excludes, not exact terms). */
  private static int queryStems(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    Set<String> stems = new HashSet<>();
    for (Term t : terms) {
      if (Fields.TITLE.equals(t.field()) && !t.text().startsWith(Analyzers.EXACT_MARK)) {
        stems.add(t.text());
      }
    }
    return stems.size();
  }
}
