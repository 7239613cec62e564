package org.abstracta.indexer.model;

/**
 * A subject that no input gave but that the paper's nearest labelled neighbours voted for (see the
 * embedding stage's subject inference): kept apart from {@link Subject}s, which only inputs give.
 *
 * @param code the category code ({@code cs.LG})
 * @param label the category's name
 * @param confidence the share of the neighbours' similarity-weighted votes that went to this code,
 *     from 0 to 1
 */
public record InferredSubject(String code, String label, double confidence) {

  /** The archive the category belongs to, as {@link Subject#archive()}. */
  public String archive() {
    return new Subject(code, label).archive();
  }
}
