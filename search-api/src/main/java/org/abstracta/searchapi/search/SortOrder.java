package org.abstracta.searchapi.search;

/** Result order: by score, or by date. */
public enum SortOrder {
  RELEVANCE,
  NEWEST,
  OLDEST
}
