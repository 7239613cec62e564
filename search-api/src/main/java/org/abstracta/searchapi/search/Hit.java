package org.abstracta.searchapi.search;

import java.time.LocalDate;
import java.util.List;
import org.abstracta.indexer.model.InferredSubject;
import org.abstracta.indexer.model.Subject;

/**
 * One search hit.
 *
 * @param highlights title and abstract snippets: matched words in {@code <mark>}, all else
 *     HTML-escaped
 * @param explanation why it scored as it did, in words; null unless asked for
 * @param yearInferred the input printed the date without a year: {@code date}'s year is a guess
 * @param inferredSubjects subjects voted by the paper's nearest labelled papers, with their
 *     confidence; only for a paper no input gave a subject
 * @param ranking which side of a semantic or hybrid search found it, at which rank and score; null
 *     unless an explanation was asked for in those modes
 */
public record Hit(
    String id,
    float score,
    String title,
    List<String> authors,
    List<Subject> subjects,
    LocalDate date,
    String type,
    boolean hasCode,
    Highlights highlights,
    String explanation,
    boolean yearInferred,
    List<InferredSubject> inferredSubjects,
    Ranking ranking) {

  public Hit {
    inferredSubjects = inferredSubjects == null ? List.of() : List.copyOf(inferredSubjects);
  }

  /** This hit with {@code why} as its explanation and {@code r} as its sides. */
  public Hit explained(String why, Ranking r) {
    return new Hit(
        id,
        score,
        title,
        authors,
        subjects,
        date,
        type,
        hasCode,
        highlights,
        why,
        yearInferred,
        inferredSubjects,
        r);
  }

  /** Escaped, marked-up snippets of title and abstract. */
  public record Highlights(String title, String abstractText) {}

  /**
   * Where the two sides of a semantic or hybrid search put a hit.
   *
   * @param keywordRank its 1-based rank in the keyword ranking, or null when keywords did not find
   *     it (among their first results)
   * @param keywordScore its keyword (BM25) score, or null
   * @param vectorRank its 1-based rank among the nearest papers by meaning, or null when it is not
   *     among them (or has no vector)
   * @param similarity the cosine similarity of its vector to the query's, or null
   * @param score the hit's score: the fused score in hybrid mode, the similarity in semantic mode
   */
  public record Ranking(
      Integer keywordRank, Float keywordScore, Integer vectorRank, Float similarity, float score) {}
}
