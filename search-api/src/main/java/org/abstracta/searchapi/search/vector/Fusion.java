package org.abstracta.searchapi.search.vector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.search.SearchMode;
import org.apache.lucene.search.ScoreDoc;

/**
 * Hybrid ranking: a convex combination of the two sides' min-max-normalised scores. Each side's
 * scores are scaled to [0, 1] over its first {@link Settings#depth()} results (the best 1, the last
 * 0); a paper's fused score is {@code w × vector + (1 − w) × keyword}, a side that did not find it
 * counting 0. Keyword results past the depth keep the same scale and so fall to 0 or below: they
 * follow the fused results in keyword order. Chosen and measured in docs/relevance.md.
 */
public final class Fusion {
  private Fusion() {}

  /**
   * How to fuse.
   *
   * @param vectorWeight {@code w}, the weight of the vector side, from 0 to 1
   * @param depth results of each side that are fused (the nearest papers asked for, and the keyword
   *     results the scale is taken over)
   */
  public record Settings(double vectorWeight, int depth) {
    /** Measured on SciFact's dev claims (docs/relevance.md). */
    public static final Settings DEFAULT =
        new Settings(SearchMode.VECTOR_WEIGHT, SearchMode.NEAREST);

    public Settings {
      if (!(vectorWeight >= 0 && vectorWeight <= 1)) {
        throw new IllegalArgumentException(
            "the vector weight must be from 0 to 1: " + vectorWeight);
      }
      if (depth < 1) throw new IllegalArgumentException("the depth must be 1 or more: " + depth);
    }
  }

  /**
   * One fused result.
   *
   * @param keywordRank 1-based rank on the keyword side, 0 when keywords did not find it
   * @param vectorRank 1-based rank on the vector side, 0 when it is not among the nearest
   * @param similarity its cosine to the query (when {@code vectorRank > 0})
   */
  public record Fused(
      int doc,
      float score,
      int keywordRank,
      float keywordScore,
      int vectorRank,
      float similarity) {}

  /**
   * The fused ranking of {@code keyword} (best first, any length) and {@code vector} (the nearest
   * papers, best first, scored as Lucene scores them): best first, ties by document.
   */
  public static List<Fused> fuse(ScoreDoc[] keyword, ScoreDoc[] vector, Settings settings) {
    Scale k = Scale.of(keyword, settings.depth());
    Scale v = Scale.of(vector, settings.depth());
    double w = settings.vectorWeight();
    Map<Integer, Fused> byDoc = new HashMap<>();
    for (int i = 0; i < keyword.length; i++) {
      ScoreDoc sd = keyword[i];
      float score = (float) ((1 - w) * k.scaled(sd.score));
      byDoc.put(sd.doc, new Fused(sd.doc, score, i + 1, sd.score, 0, 0));
    }
    for (int i = 0; i < Math.min(vector.length, settings.depth()); i++) {
      ScoreDoc sd = vector[i];
      float cos = NearestPapers.similarity(sd.score);
      Fused kw = byDoc.get(sd.doc);
      double keywordPart = kw == null ? 0 : kw.score();
      float score = (float) (w * v.scaled(sd.score) + keywordPart);
      byDoc.put(
          sd.doc,
          new Fused(
              sd.doc,
              score,
              kw == null ? 0 : kw.keywordRank(),
              kw == null ? 0 : kw.keywordScore(),
              i + 1,
              cos));
    }
    List<Fused> out = new ArrayList<>(byDoc.values());
    out.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(Fused::doc));
    return out;
  }

  /** Min-max scaling over the first {@code depth} scores of a ranking. */
  private record Scale(float min, float max) {
    static Scale of(ScoreDoc[] ranked, int depth) {
      int n = Math.min(depth, ranked.length);
      if (n == 0) return new Scale(0, 0);
      float max = Float.NEGATIVE_INFINITY;
      float min = Float.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, ranked[i].score);
        min = Math.min(min, ranked[i].score);
      }
      return new Scale(min, max);
    }

    /** 1 for the best, 0 for the last of the depth (below 0 past it); 1 when all score alike. */
    double scaled(float score) {
      if (max > min) return (score - min) / (double) (max - min);
      return score >= max ? 1 : 0;
    }
  }
}
