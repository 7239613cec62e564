package org.abstracta.searchapi.search.query;

import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.search.QueryFilter;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A user query as Lucene will run it, with what the rest of the search needs to know about it.
 *
 * @param query the query to run (the query's filters not included)
 * @param matchAll the text had no words: every document matches (but for {@code filters})
 * @param units each positive word or phrase with its per-field queries, for explanations
 * @param words the plain words a respelling may replace, as typed
 * @param sentence the query is a sentence ({@link QueryKind}), not keywords
 * @param filters field clauses that filter like the URL's filters, side by side with the words
 * @param relaxable how many keywords side by side the query requires, which {@link
 *     UserQueryParser#parse(String, int)} can relax to some of them (0 for a sentence)
 */
public record ParsedQuery(
    Query query,
    boolean matchAll,
    List<Unit> units,
    List<String> words,
    boolean sentence,
    List<QueryFilter> filters,
    int relaxable) {

  /** Every document (but for the query's {@code filters}). */
  static ParsedQuery matchAll(List<QueryFilter> filters) {
    return new ParsedQuery(
        MatchAllDocsQuery.INSTANCE, true, List.of(), List.of(), false, filters, 0);
  }

  /**
   * One word or phrase of the query.
   *
   * @param label how the explanation names it ({@code 'reward'}, {@code "reward model"})
   * @param perField field name ({@code title}, {@code abstract}, {@code authors}, {@code id},
   *     {@code subject}, {@code year}, {@code type}, {@code source}, {@code hasCode}) to the query
   *     that matches it there
   */
  public record Unit(String label, Map<String, Query> perField) {}
}
