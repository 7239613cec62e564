package org.abstracta.indexer.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a document is: a paper, or a talk from a seminar calendar. */
public enum PaperType {
  PAPER,
  TALK;

  @JsonValue
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
