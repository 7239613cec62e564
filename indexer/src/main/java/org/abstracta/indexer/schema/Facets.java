package org.abstracta.indexer.schema;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The facet dimensions. All are {@code SortedSetDocValuesFacetField}s (no taxonomy sidecar, so the
 * index stays one Directory with atomic commits); {@code subject} is hierarchical (archive →
 * category). {@code author} has its own doc-values field because it has by far the most distinct
 * values: the small dimensions never pay for its ordinal map.
 */
public final class Facets {
  public static final String SUBJECT = "subject";
  public static final String YEAR = "year";
  public static final String AUTHOR = "author";
  public static final String TYPE = "type";
  public static final String SOURCE = "source";
  public static final String HAS_CODE = "hasCode";

  /**
   * Subjects inferred from the nearest labelled papers, archive → category like {@link #SUBJECT}
   * but a dimension of its own, so inferred counts stay apart from the subjects inputs gave. Not in
   * {@link #ALL}: the search side counts it within the subject facet (its {@code inferred} counts)
   * and a subject filter matches it.
   */
  public static final String INFERRED_SUBJECT = "inferredSubject";

  /** Every dimension, in the order the API lists them. */
  public static final List<String> ALL = List.of(SUBJECT, YEAR, AUTHOR, TYPE, SOURCE, HAS_CODE);

  /** Doc-values field of the author dimension; the others share {@link #FIELD}. */
  public static final String AUTHOR_FIELD = "$author";

  public static final String FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

  private Facets() {}

  /** The one facet configuration, used to build documents and to count and drill down. */
  public static FacetsConfig config() {
    FacetsConfig config = new FacetsConfig();
    config.setHierarchical(SUBJECT, true);
    config.setMultiValued(SUBJECT, true);
    config.setHierarchical(INFERRED_SUBJECT, true);
    config.setMultiValued(INFERRED_SUBJECT, true);
    config.setMultiValued(AUTHOR, true);
    config.setMultiValued(SOURCE, true);
    config.setIndexFieldName(AUTHOR, AUTHOR_FIELD);
    return config;
  }

  /** The doc-values field holding a dimension's values. */
  public static String indexField(String dim) {
    return AUTHOR.equals(dim) ? AUTHOR_FIELD : FIELD;
  }
}
