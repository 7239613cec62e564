package org.abstracta.searchapi.search.query;

import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * The parsed shape of a user query, before it becomes a Lucene query (or, for the OpenSearch
 * backend, a query of its DSL).
 */
public sealed interface QueryNode {

  /**
   * A word.
   *
   * @param field the field it was limited to ({@code title}, {@code author}, ...) or null for all
   * @param prefix {@code word*}
   * @param fuzzy edits for {@code word~N}, {@link QueryLexer#AUTO_EDITS}, or {@link
   *     QueryLexer#NOT_FUZZY}
   */
  record Word(String text, String field, boolean prefix, int fuzzy) implements QueryNode {
    /** {@code fuzzy} of a word without {@code ~}. */
    public static final int NOT_FUZZY = QueryLexer.NOT_FUZZY;

    /** A word as typed: no prefix, not fuzzy. */
    public static Word plain(String text, String field) {
      return new Word(text, field, false, NOT_FUZZY);
    }

    /** Whether it ends in {@code ~} or {@code ~N}. */
    public boolean isFuzzy() {
      return fuzzy != NOT_FUZZY;
    }
  }

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
