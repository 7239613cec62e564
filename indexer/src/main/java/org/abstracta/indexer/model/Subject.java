package org.abstracta.indexer.model;

/**
 * An arXiv category such as {@code cs.LG}, with its human label ("Machine Learning").
 *
 * @param code the category code, archive first ({@code cs.LG}, {@code hep-ph})
 * @param label the category's name, or the code itself when the catalog does not know it
 */
public record Subject(String code, String label) {

  /** The archive a category belongs to: {@code cs} for {@code cs.LG}, {@code hep-ph} for itself. */
  public String archive() {
    int dot = code.indexOf('.');
    return dot < 0 ? code : code.substring(0, dot);
  }
}
