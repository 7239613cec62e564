package org.abstracta.searchapi.search.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * A query of words that must all match, each word a disjunction of its terms (title, abstract,
 * authors, with their boosts), under optional filters — the shape of a plain keyword query — scored
 * by {@link AllWordsBulkScorer} when its rarest word is common: then Lucene's block-max conjunction
 * prunes next to nothing (a disjunction's block maximum is the sum of its fields') and spends most
 * of its time merging each word's fields one document at a time, where the bulk scorer adds up
 * whole blocks of postings. Scores are the same floats as Lucene's (each word's fields summed, then
 * the words), so the ranking is unchanged. Only a query whose rarest word is both in {@link
 * #DENSE_WORD} of the papers and in {@link #DENSE_POSTINGS} of them is scored so: measured on the
 * 78 headline queries, the three densest ran 3-8 ms faster on 2M papers and about 1 ms slower on
 * 112k (where Lucene's per-window work is small enough); any other query is Lucene's.
 */
public final class AllWordsQuery extends Query {
  /** The share of the papers from which the rarest word can make the query bulk-scored. */
  static final double DENSE_WORD = 0.1;

  /** The papers from which the rarest word can make the query bulk-scored. */
  static final long DENSE_POSTINGS = 100_000;

  private final Query original;
  private final List<List<Query>> words;
  private final List<Query> filters;
  private final boolean alwaysBulk;

  private AllWordsQuery(
      Query original, List<List<Query>> words, List<Query> filters, boolean alwaysBulk) {
    this.original = original;
    this.words = words;
    this.filters = filters;
    this.alwaysBulk = alwaysBulk;
  }

  /**
   * {@code rewritten} as an all-words query when it has that shape with two words or more, else
   * {@code rewritten} itself.
   */
  public static Query of(Query rewritten) {
    return of(rewritten, false);
  }

  /** As above; {@code alwaysBulk}: bulk-scored whatever its words (for tests on small indexes). */
  static Query of(Query rewritten, boolean alwaysBulk) {
    List<List<Query>> words = new ArrayList<>();
    List<Query> filters = new ArrayList<>();
    return conjunction(rewritten, words, filters, true) && words.size() >= 2
        ? new AllWordsQuery(rewritten, words, filters, alwaysBulk)
        : rewritten;
  }

  /**
   * Gathers the words and the filters of {@code q}, a conjunction of words and filters; false when
   * it is not one. A conjunction nested as the only required clause (filters beside it) is read
   * through: its score is the outer query's. Deeper nesting would round its words' sum apart, so it
   * is left to Lucene.
   */
  private static boolean conjunction(
      Query q, List<List<Query>> words, List<Query> filters, boolean top) {
    if (!(q instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() != 0) return false;
    List<Query> required = new ArrayList<>();
    for (BooleanClause c : b) {
      switch (c.occur()) {
        case MUST -> required.add(c.query());
        case FILTER -> filters.add(c.query());
        default -> {
          return false;
        }
      }
    }
    if (top && required.size() == 1 && required.getFirst() instanceof BooleanQuery inner) {
      if (inner.clauses().stream().allMatch(c -> c.occur() != Occur.SHOULD)) {
        return conjunction(inner, words, filters, false);
      }
    }
    for (Query r : required) {
      List<Query> terms = terms(r);
      if (terms == null) return false;
      words.add(terms);
    }
    return true;
  }

  /** The (boosted) term queries of one word, or null when it is something else. */
  private static List<Query> terms(Query word) {
    if (term(word) != null) return List.of(word);
    if (!(word instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() != 0) return null;
    List<Query> out = new ArrayList<>();
    for (BooleanClause c : b) {
      if (c.occur() != Occur.SHOULD || term(c.query()) == null) return null;
      out.add(c.query());
    }
    return out.isEmpty() ? null : out;
  }

  private static Term term(Query q) {
    if (q instanceof BoostQuery bq) q = bq.getQuery();
    return q instanceof TermQuery t ? t.getTerm() : null;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    if (!scoreMode.needsScores()) return searcher.createWeight(original, scoreMode, boost);
    // Each term looked up once, for the density check and for whichever weight scores it.
    Map<Term, TermStates> states = new HashMap<>();
    long rarest = Long.MAX_VALUE;
    for (List<Query> word : words) {
      long docs = 0;
      for (Query q : word) {
        Term t = term(q);
        TermStates s = states.get(t);
        if (s == null) {
          s = TermStates.build(searcher, t, true);
          states.put(t, s);
        }
        docs += s.docFreq();
      }
      rarest = Math.min(rarest, docs);
    }
    Query exact = withStates(original, states);
    int maxDoc = searcher.getIndexReader().maxDoc();
    if (!alwaysBulk && (rarest < DENSE_WORD * maxDoc || rarest < DENSE_POSTINGS)) {
      return searcher.createWeight(exact, scoreMode, boost);
    }
    Weight[][] termWeights = new Weight[words.size()][];
    for (int w = 0; w < words.size(); w++) {
      List<Query> word = words.get(w);
      termWeights[w] = new Weight[word.size()];
      for (int t = 0; t < word.size(); t++) {
        termWeights[w][t] =
            searcher.createWeight(withStates(word.get(t), states), scoreMode, boost);
      }
    }
    List<Weight> filterWeights = new ArrayList<>();
    for (Query f : filters) {
      filterWeights.add(searcher.createWeight(f, ScoreMode.COMPLETE_NO_SCORES, 1f));
    }
    return new AllWordsWeight(
        searcher.createWeight(exact, scoreMode, boost), termWeights, filterWeights);
  }

  /** {@code q} with each term query that has looked-up states carrying them. */
  private static Query withStates(Query q, Map<Term, TermStates> states) {
    return switch (q) {
      case TermQuery t when states.containsKey(t.getTerm()) ->
          new TermQuery(t.getTerm(), states.get(t.getTerm()));
      case BoostQuery b -> new BoostQuery(withStates(b.getQuery(), states), b.getBoost());
      case BooleanQuery b -> {
        BooleanQuery.Builder copy = new BooleanQuery.Builder();
        copy.setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        for (BooleanClause c : b) copy.add(withStates(c.query(), states), c.occur());
        yield copy.build();
      }
      default -> q;
    };
  }

  /**
   * Scores with {@link AllWordsBulkScorer}; everything else (explanations, matches, counts, a
   * scorer for another consumer) is the original query's.
   */
  private final class AllWordsWeight extends Weight {
    private final Weight lucene;
    private final Weight[][] termWeights;
    private final List<Weight> filterWeights;

    AllWordsWeight(Weight lucene, Weight[][] termWeights, List<Weight> filterWeights) {
      super(AllWordsQuery.this);
      this.lucene = lucene;
      this.termWeights = termWeights;
      this.filterWeights = filterWeights;
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      return lucene.explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      return lucene.matches(context, doc);
    }

    @Override
    public int count(LeafReaderContext context) throws IOException {
      return lucene.count(context);
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
      return false; // scored, never cached as a filter
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
      ScorerSupplier[][] terms = new ScorerSupplier[termWeights.length][];
      long cost = Long.MAX_VALUE;
      for (int w = 0; w < termWeights.length; w++) {
        List<ScorerSupplier> present = new ArrayList<>();
        long wordCost = 0;
        for (Weight tw : termWeights[w]) {
          ScorerSupplier s = tw.scorerSupplier(context);
          if (s != null) {
            present.add(s);
            wordCost += s.cost();
          }
        }
        if (present.isEmpty()) return null; // a word not in this segment: nothing matches
        terms[w] = present.toArray(ScorerSupplier[]::new);
        cost = Math.min(cost, wordCost);
      }
      List<ScorerSupplier> filters = new ArrayList<>();
      for (Weight fw : filterWeights) {
        ScorerSupplier s = fw.scorerSupplier(context);
        if (s == null) return null;
        filters.add(s);
        cost = Math.min(cost, s.cost());
      }
      long leadCost = cost;
      return new ScorerSupplier() {
        @Override
        public Scorer get(long leadCost) throws IOException {
          return lucene.scorerSupplier(context).get(leadCost);
        }

        @Override
        public BulkScorer bulkScorer() throws IOException {
          Scorer[][] scorers = new Scorer[terms.length][];
          for (int w = 0; w < terms.length; w++) {
            scorers[w] = new Scorer[terms[w].length];
            for (int t = 0; t < terms[w].length; t++) {
              scorers[w][t] = terms[w][t].get(Long.MAX_VALUE); // each read in bulk, in full
            }
          }
          List<DocIdSetIterator> filterDocs = new ArrayList<>();
          for (ScorerSupplier f : filters) filterDocs.add(f.get(leadCost).iterator());
          DocIdSetIterator filter =
              filterDocs.isEmpty()
                  ? null
                  : filterDocs.size() == 1
                      ? filterDocs.getFirst()
                      : ConjunctionUtils.intersectIterators(filterDocs);
          return new AllWordsBulkScorer(scorers, filter, context.reader().maxDoc());
        }

        @Override
        public long cost() {
          return leadCost;
        }
      };
    }
  }

  @Override
  public String toString(String field) {
    return original.toString(field);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    original.visit(visitor);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && original.equals(((AllWordsQuery) other).original)
        && alwaysBulk == ((AllWordsQuery) other).alwaysBulk;
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + original.hashCode();
  }
}
