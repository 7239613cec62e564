package org.abstracta.searchapi.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.IntConsumer;
import org.abstracta.searchapi.search.query.QueryNode.Clause;
import org.abstracta.searchapi.search.query.QueryNode.Group;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * How the clauses of one group of the query combine — the default operator — for every engine (the
 * embedded {@link UserQueryParser} and the OpenSearch backend's mapper), each building its own kind
 * of query {@code Q}:
 *
 * <ul>
 *   <li>keywords side by side are all required, unless the top group is relaxed to some of them;
 *   <li>a sentence's words are a ranked OR, a repeated word once;
 *   <li>clauses joined by {@code OR} need any of them, and a document with all of them gets the
 *       all-words bonus;
 *   <li>at the top, fields that filter are taken out of the words ({@link Builder#filter}).
 * </ul>
 */
public final class ClauseGroup {
  private ClauseGroup() {}

  /** What an engine builds a group's query with. */
  public interface Builder<Q> {
    /** The query of one clause's node, or null when it has nothing to search. */
    Q node(QueryNode n, boolean negated, boolean top);

    /** Takes a field clause side by side with the words as a filter; false if it is none. */
    boolean filter(QueryNode n);

    /**
     * A boolean query.
     *
     * @param matchAll add a clause every document matches (the group has only exclusions)
     * @param minimumShouldMatch of {@code should}, when above 0
     * @param bonus the all-words bonus, an optional clause beside {@code should}, or null
     */
    Q bool(
        List<Q> must,
        List<Q> should,
        List<Q> mustNot,
        boolean matchAll,
        int minimumShouldMatch,
        Q bonus);

    /** The bonus for a document that matches every one of {@code should}. */
    Q bonus(List<Q> should);
  }

  /**
   * The query of group {@code g}, or null when none of its clauses has anything to search.
   *
   * @param top whether this group is the query's outermost (also through groups of one clause)
   * @param relaxTo above 0: the top's keywords need only this many of them
   * @param bonuses whether this group may carry an all-words bonus (the top always may)
   * @param relaxable told how many keywords side by side the top requires
   */
  public static <Q> Q build(
      Group g,
      boolean negated,
      boolean top,
      boolean sentence,
      int relaxTo,
      boolean bonuses,
      Builder<Q> b,
      IntConsumer relaxable) {
    List<Q> should = new ArrayList<>();
    List<Q> must = new ArrayList<>();
    List<Q> mustNot = new ArrayList<>();
    // The top's clauses side by side: the query's words, and the fields that filter.
    boolean words = top && !g.anyOf() && !negated;
    for (Clause c : g.clauses()) {
      boolean not = c.occur() == Occur.MUST_NOT;
      if (words && !not && b.filter(c.node())) continue;
      Q q = b.node(c.node(), negated != not, top && g.clauses().size() == 1);
      if (q == null) continue;
      switch (c.occur()) {
        case MUST -> must.add(q);
        case MUST_NOT -> mustNot.add(q);
        default -> should.add(q);
      }
    }
    if (sentence) {
      // A word a claim repeats ("upregulation of A causes the upregulation of B") counts once.
      should = new ArrayList<>(new LinkedHashSet<>(should));
      should.removeAll(must);
    } else if (!g.anyOf()) {
      // Keywords side by side: every one is required, unless the top relaxes them.
      if (words) relaxable.accept(should.size());
      if (!words || relaxTo <= 0 || relaxTo >= should.size()) {
        must.addAll(should);
        should.clear();
      }
    }
    if (should.isEmpty() && must.isEmpty() && mustNot.isEmpty()) return null;
    if (mustNot.isEmpty() && should.size() + must.size() == 1) {
      return should.isEmpty() ? must.getFirst() : should.getFirst();
    }
    int minimum = !sentence && !g.anyOf() && !should.isEmpty() ? relaxTo : 0;
    Q bonus = null;
    if (should.size() >= 2 && !sentence && g.anyOf() && (bonuses || top)) {
      bonus = b.bonus(should);
    }
    return b.bool(must, should, mustNot, should.isEmpty() && must.isEmpty(), minimum, bonus);
  }
}
