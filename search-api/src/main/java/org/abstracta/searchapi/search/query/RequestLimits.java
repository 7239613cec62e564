package org.abstracta.searchapi.search.query;

import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;

/** What a search request may ask for (page depth, size, facets), checked alike by every engine. */
public final class RequestLimits {
  private RequestLimits() {}

  /** Throws {@link InvalidRequestException} naming the parameter past its limit. */
  public static void validate(SearchRequest r) {
    if (r.size() < 0 || r.size() > SearchRequest.MAX_SIZE) {
      throw new InvalidRequestException(
          "size", "invalid_parameter", "size must be between 0 and " + SearchRequest.MAX_SIZE);
    }
    if (r.page() < 1) {
      throw new InvalidRequestException("page", "invalid_parameter", "page must be 1 or more");
    }
    if (r.cursor() == null && (long) r.page() * r.size() > SearchRequest.MAX_PAGE_DEPTH) {
      throw new InvalidRequestException(
          "page",
          "page_too_deep",
          "pages reach only the first "
              + SearchRequest.MAX_PAGE_DEPTH
              + " results; page deeper with cursor");
    }
    if (r.facets() != null) {
      for (String f : r.facets()) {
        if (!Facets.ALL.contains(f)) {
          throw new InvalidRequestException(
              "facets", "unknown_facet", "unknown facet '" + f + "'; facets are " + Facets.ALL);
        }
      }
    }
  }
}
