package org.abstracta.searchapi.search.query;

/**
 * Every ranking weight in one place, so relevance tuning edits one file. The values are the best
 * measured with {@code abstracta eval} ({@code docs/relevance.md}).
 *
 * <p>Keywords ({@link QueryKind}) are all required. Each word scores BM25 per field, times the
 * field's weight, summed over the fields it matches: a title match is evidence of its own. Of
 * clauses joined by {@code OR}, a document holding every one gets {@link #ALL_WORDS_BONUS} on top,
 * which puts it above every document missing one (a BM25 sum over a handful of words stays far
 * below it).
 *
 * <p>A sentence ({@link QueryKind}) — a pasted claim, question or abstract — is a ranked OR that no
 * document matches word for word. Its words score BM25F over title and abstract: the occurrences in
 * the two fields counted as in one field where a title occurrence counts {@link #TITLE} times, and
 * the field lengths likewise (Lucene's {@code CombinedFieldQuery}); a per-field sum would reward a
 * word once per field it occurs in, favouring papers that repeat a few of the words in title and
 * abstract over papers that hold more of them. No all-words bonus (BM25 already rewards each word
 * found), and a hyphenated word counts its parts as words. Author matches add their own BM25 score
 * times {@link #AUTHORS} in both. Lucene's BM25 parameters (k1 = 1.2, b = 0.75) measured best.
 *
 * <p>A sentence is run twice (pseudo-relevance feedback, RM3, {@link
 * org.abstracta.searchapi.search.rank.Feedback}): the stems of the title and abstract of its first
 * {@link #FEEDBACK_DOCS} results, each weighted by how close its score is to the first's ({@link
 * #FEEDBACK_SPREAD}), give the {@link #FEEDBACK_TERMS} most probable words of the "relevant"
 * papers; the second run scores the sentence at {@link #FEEDBACK_ORIGINAL} and those words, BM25F
 * like the sentence's, at the rest, in the first {@link #FEEDBACK_RERANKED} results (hybrid mode's
 * keyword side rescores only the results it fuses, its first 100, from the first run).
 *
 * <p>A query that is a paper's id or DOI puts that paper first with {@link #ID_BOOST}.
 */
public final class Relevance {
  /**
   * Title words say what a paper is about: a match there counts twice an abstract match. At least 1
   * (BM25F field weights must be).
   */
  public static final float TITLE = 2.0f;

  public static final float ABSTRACT = 1.0f;

  /** Names are rare and deliberate in a query: a name match beats a passing abstract mention. */
  public static final float AUTHORS = 1.5f;

  /** Added once when a document matches every clause of an {@code OR}. */
  public static final float ALL_WORDS_BONUS = 1000f;

  /** How many of a sentence's first results feed back their words. */
  public static final int FEEDBACK_DOCS = 10;

  /**
   * The added words score only the sentence's first this many results (they cost a look-up in these
   * papers, not a pass over their postings): enough to pull a paper into the first 100.
   */
  public static final int FEEDBACK_RERANKED = 300;

  /** How many words of the feedback results are added to a sentence. */
  public static final int FEEDBACK_TERMS = 30;

  /**
   * A feedback result's weight is exp((score / first score - 1) / spread): one scoring 5% below the
   * first counts 1/e as much, so a clear first result dominates and close ones share. Relative to
   * the first score, so the same for any query length or collection.
   */
  public static final double FEEDBACK_SPREAD = 0.05;

  /**
   * The sentence's share of the second run's score; the added words share the rest, in proportion
   * to the sentence's word count (RM3's interpolation of query and feedback model).
   */
  public static final float FEEDBACK_ORIGINAL = 0.75f;

  /** A query that names a paper's id or DOI: that paper comes first. */
  public static final float ID_BOOST = 100_000f;

  /** Structured clauses (subject, year) only filter; each adds this constant when it matches. */
  public static final float STRUCTURED = 1.0f;

  private Relevance() {}

  /** The weight of a text field ({@code title}, {@code abstract}, {@code authors}). */
  public static float weight(String field) {
    return switch (field) {
      case "title" -> TITLE;
      case "authors" -> AUTHORS;
      default -> ABSTRACT;
    };
  }
}
