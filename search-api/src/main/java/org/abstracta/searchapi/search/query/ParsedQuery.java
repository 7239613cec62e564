package org.abstracta.searchapi.search.query;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * A user query as Lucene will run it, with what the rest of the search needs to know about it.
 *
 * @param query the query to run
 * @param matchAll the text had no words: every document matches
 * @param units each positive word or phrase with its per-field queries, for explanations
 * @param words the plain words a respelling may replace, as typed
 * @param sentence the query is a sentence (more than {@link Relevance#SHORT_QUERY_WORDS} plain
 *     words), not keywords
 */
public record ParsedQuery(
    Query query, boolean matchAll, List<Unit> units, List<String> words, boolean sentence) {

  /**
   * One word or phrase of the query.
   *
   * @param label how the explanation names it ({@code 'reward'}, {@code "reward model"})
   * @param perField field name ({@code title}, {@code abstract}, {@code authors}, {@code id},
   *     {@code subject}, {@code year}) to the query that matches it there
   */
  public record Unit(String label, Map<String, Query> perField) {}
}
