package org.abstracta.searchapi.search.query;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;

/** The parsed shape of a user query, before it becomes a Lucene query. */
sealed interface QueryNode {

  /**
   * A word.
   *
   * @param field the field it was limited to ({@code title}, {@code author}, ...) or null for all
   * @param prefix {@code word*}
   * @param fuzzy edits for {@code word~N}, {@link QueryLexer#AUTO_EDITS}, or {@link
   *     QueryLexer#NOT_FUZZY}
   */
  record Word(String text, String field, boolean prefix, int fuzzy) implements QueryNode {}

  /** A quoted phrase, matched exactly; {@code slop} allows that many moves ({@code "a b"~3}). */
  record Phrase(String text, String field, int slop) implements QueryNode {}

  /**
   * Clauses combined: required ones filter, prohibited ones exclude, and optional ones either are
   * side by side (the default operator: all of them for keywords, ranked for a sentence) or, with
   * {@code anyOf}, were joined by {@code OR} (any of them).
   */
  record Group(List<Clause> clauses, boolean anyOf) implements QueryNode {
    /** Clauses side by side, without {@code OR}. */
    Group(List<Clause> clauses) {
      this(clauses, false);
    }
  }

  record Clause(Occur occur, QueryNode node) {}
}
