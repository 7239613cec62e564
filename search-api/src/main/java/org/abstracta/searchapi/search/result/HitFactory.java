package org.abstracta.searchapi.search.result;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.Hit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/** Builds the API's {@link Hit} from a stored paper: fields, highlighted snippets, explanation. */
public final class HitFactory {
  private final Snippets.Marks title;
  private final Snippets.Marks abstractMarks;

  /**
   * @param rewritten the query as run, rewritten (prefixes and fuzzy terms expanded)
   */
  public HitFactory(Query rewritten) {
    this(termsByField(rewritten));
  }

  private HitFactory(Map<String, Set<String>> terms) {
    this.title = new Snippets.Marks(terms.getOrDefault(Fields.TITLE, Set.of()));
    this.abstractMarks = new Snippets.Marks(terms.getOrDefault(Fields.ABSTRACT, Set.of()));
  }

  /**
   * A factory that marks {@code terms}: per field ({@code title}, {@code abstract}), the index
   * terms the query matched (exact {@code =word} terms and stems), when no Lucene query is at hand.
   */
  public static HitFactory ofTerms(Map<String, Set<String>> terms) {
    return new HitFactory(terms);
  }

  public Hit hit(Paper p, float score, String explanation) {
    Hit.Highlights h =
        new Hit.Highlights(
            Snippets.whole(p.title(), title), Snippets.window(p.abstractText(), abstractMarks));
    return new Hit(
        p.id(),
        Float.isFinite(score) ? score : 0f,
        p.title(),
        p.authors(),
        p.subjects(),
        p.date(),
        p.type().value(),
        p.hasCode(),
        h,
        explanation,
        p.yearInferred(),
        p.inferredSubjects(),
        null);
  }

  /** The terms a query matches (not those it excludes), per field, as strings. */
  private static Map<String, Set<String>> termsByField(Query q) {
    Set<Term> all = new HashSet<>();
    if (q != null) q.visit(QueryVisitor.termCollector(all));
    Map<String, Set<String>> out = new HashMap<>();
    for (Term t : all) out.computeIfAbsent(t.field(), f -> new HashSet<>()).add(t.text());
    return out;
  }
}
