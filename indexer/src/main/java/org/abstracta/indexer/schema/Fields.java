package org.abstracta.indexer.schema;

/**
 * Every field name of the index, in one place. Writer ({@link PaperDocuments}) and searcher use
 * these constants; nothing else spells a field name.
 */
public final class Fields {
  /** The paper id: indexed for updateDocument and lookups, doc values for sorting and cursors. */
  public static final String ID = "id";

  /** Other ids the paper answers to (its DOI when the id is an arXiv id). */
  public static final String ALIAS = "alias";

  /** Normalized title ({@code TitleKey}): how inputs without ids find their paper. */
  public static final String TITLE_KEY = "titleKey";

  /** Title and abstract: stemmed terms and exact (marked) terms at the same positions. */
  public static final String TITLE = "title";

  public static final String ABSTRACT = "abstract";

  /** Author names, case and accent folded, one value per author. */
  public static final String AUTHORS = "authors";

  /** Subject codes, both levels ({@code cs} and {@code cs.LG}), for {@code subject:} queries. */
  public static final String SUBJECT = "subject";

  /**
   * Subject codes inferred from the nearest labelled papers (both levels, as {@link #SUBJECT}), for
   * papers no input gave a subject: filterable apart from the subjects inputs gave.
   */
  public static final String INFERRED_SUBJECT = "inferredSubject";

  /**
   * Prefix of the vector fields: one field per embedding model ({@link #vector(String)}), so a
   * query vector is only ever compared with vectors of the model that made it.
   */
  public static final String VECTOR_PREFIX = "vector.";

  /** Publication year as a point, for {@code year:2019..2023} ranges. */
  public static final String YEAR = "year";

  /** Publication date as epoch day (doc values), for newest/oldest sorting. */
  public static final String DATE = "date";

  /** The whole {@code Paper} as JSON: what the API returns and what later runs merge into. */
  public static final String SOURCE = "_source";

  private Fields() {}

  /** The vector field of the embedding model whose key is {@code modelKey}. */
  public static String vector(String modelKey) {
    return VECTOR_PREFIX + modelKey;
  }
}
