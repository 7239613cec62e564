package org.abstracta.searchapi.search.result;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.query.ParsedQuery;
import org.abstracta.searchapi.search.query.ParsedQuery.Unit;
import org.abstracta.searchapi.search.query.Relevance;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Says in words why a hit scored as it did: which word or phrase matched in which field (with the
 * field's weight), which words it lacks, whether it earned the all-words bonus and whether words of
 * a sentence's first results ({@link org.abstracta.searchapi.search.rank.Feedback}) added to it —
 * instead of Lucene's explanation tree.
 */
public final class HitExplainer {
  private final IndexSearcher searcher;
  private final ParsedQuery parsed;
  private final List<Map<String, Weight>> weights = new ArrayList<>();
  private final boolean feedback;

  /**
   * @param feedback the scores include words of the first results ({@link
   *     org.abstracta.searchapi.search.rank.Feedback})
   */
  public HitExplainer(IndexSearcher searcher, ParsedQuery parsed, boolean feedback)
      throws IOException {
    this.searcher = searcher;
    this.parsed = parsed;
    this.feedback = feedback;
    for (Unit u : parsed.units()) {
      Map<String, Weight> perField = new LinkedHashMap<>();
      for (Map.Entry<String, Query> e : u.perField().entrySet()) {
        Query q = searcher.rewrite(e.getValue());
        perField.put(e.getKey(), searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f));
      }
      weights.add(perField);
    }
  }

  public String explain(int doc, float score) throws IOException {
    List<String> labels = new ArrayList<>();
    List<List<String>> matchedFields = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      List<String> fields = new ArrayList<>();
      for (Map.Entry<String, Weight> e : weights.get(i).entrySet()) {
        if (matches(e.getValue(), doc)) fields.add(e.getKey());
      }
      labels.add(parsed.units().get(i).label());
      matchedFields.add(fields);
    }
    return words(parsed.matchAll(), parsed.filters(), labels, matchedFields, feedback, score);
  }

  /**
   * An explanation in words, for any engine.
   *
   * @param labels each positive word or phrase of the query, as labelled
   * @param matchedFields for each of them, the fields it matched in the hit (none: missing)
   * @param feedback the score includes words of the first results
   */
  public static String words(
      boolean matchAll,
      List<QueryFilter> filters,
      List<String> labels,
      List<List<String>> matchedFields,
      boolean feedback,
      float score) {
    String scoreText = String.format(Locale.ROOT, "score %.2f", score);
    if (matchAll && !filters.isEmpty()) {
      List<String> typed = filters.stream().map(QueryFilter::text).toList();
      return "matches the query's filters " + String.join(", ", typed) + "; listed newest first";
    }
    if (matchAll) return "every paper matches an empty query; listed newest first";
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      List<String> fields = matchedFields.get(i).stream().map(HitExplainer::describe).toList();
      if (fields.isEmpty()) missing.add(labels.get(i));
      else matched.add(labels.get(i) + " in " + String.join(" and ", fields));
    }
    StringBuilder out = new StringBuilder();
    if (!matched.isEmpty()) out.append("matched ").append(String.join("; ", matched));
    if (!missing.isEmpty()) {
      if (!out.isEmpty()) out.append("; ");
      out.append("missing ").append(String.join(", ", missing));
    } else if (labels.size() > 1) {
      out.append("; all ").append(labels.size()).append(" words present");
    }
    if (!out.isEmpty()) out.append("; ");
    if (feedback) out.append("with words of the first results; ");
    return out.append(scoreText).toString();
  }

  /**
   * Which side of a semantic or hybrid search found a hit, at which rank and score, and how its
   * score came about; then, when keywords found it, {@code keywordWhy} (what {@link #explain} says
   * of its keyword score).
   *
   * @param vectorWeight hybrid mode's weight on the vector side
   */
  public static String sides(
      SearchMode mode, Hit.Ranking r, double vectorWeight, String keywordWhy) {
    List<String> found = new ArrayList<>();
    if (r.keywordRank() != null) {
      found.add(
          String.format(
              Locale.ROOT, "keywords (rank %d, score %.2f)", r.keywordRank(), r.keywordScore()));
    }
    if (r.vectorRank() != null) {
      found.add(
          String.format(
              Locale.ROOT,
              "meaning (rank %d, cosine similarity %.3f)",
              r.vectorRank(),
              r.similarity()));
    }
    StringBuilder out = new StringBuilder();
    if (found.isEmpty()) {
      out.append("found by keywords, after the fused results");
    } else {
      out.append("found by ").append(String.join(" and ", found));
    }
    if (mode == SearchMode.HYBRID) {
      out.append(
          String.format(
              Locale.ROOT,
              "; fused score %.3f (%.0f%% meaning, %.0f%% keywords, each scaled to its top)",
              r.score(),
              vectorWeight * 100,
              (1 - vectorWeight) * 100));
    }
    if (keywordWhy != null) out.append("; by keywords: ").append(keywordWhy);
    return out.toString();
  }

  private boolean matches(Weight w, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Scorer s = w.scorer(leaf);
    if (s == null) return false;
    int target = doc - leaf.docBase;
    DocIdSetIterator it = s.iterator();
    return it.advance(target) == target;
  }

  private static String describe(String field) {
    return switch (field) {
      case Fields.TITLE -> "title (x" + fmt(Relevance.TITLE) + " weight)";
      case Fields.AUTHORS -> "authors (x" + fmt(Relevance.AUTHORS) + " weight)";
      case Fields.ID -> "its id";
      default -> field;
    };
  }

  private static String fmt(float f) {
    return f == Math.rint(f) ? Integer.toString((int) f) : Float.toString(f);
  }
}
