package org.abstracta.searchapi.search;

/**
 * Every ranking weight in one place, so relevance tuning edits one file.
 *
 * <p>Scores are BM25 per field, multiplied by the field's weight and summed over the fields a word
 * matches. A document holding every optional clause of a query gets {@link #ALL_WORDS_BONUS} on
 * top, which puts it above every document missing one (a BM25 sum over a handful of words stays far
 * below it); a query that is a paper's id or DOI puts that paper first with {@link #ID_BOOST}.
 */
final class Relevance {
  /** Title words say what a paper is about: a match there counts twice an abstract match. */
  static final float TITLE = 2.0f;

  static final float ABSTRACT = 1.0f;

  /** Names are rare and deliberate in a query: a name match beats a passing abstract mention. */
  static final float AUTHORS = 1.5f;

  /** Added once when every optional clause of a query (or parenthesized group) matches. */
  static final float ALL_WORDS_BONUS = 1000f;

  /** A query that names a paper's id or DOI: that paper comes first. */
  static final float ID_BOOST = 100_000f;

  /** Structured clauses (subject, year) only filter; each adds this constant when it matches. */
  static final float STRUCTURED = 1.0f;

  private Relevance() {}

  /** The weight of a text field ({@code title}, {@code abstract}, {@code authors}). */
  static float weight(String field) {
    return switch (field) {
      case "title" -> TITLE;
      case "authors" -> AUTHORS;
      default -> ABSTRACT;
    };
  }
}
