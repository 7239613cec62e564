package org.abstracta.searchapi.search.engine;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.facet.FacetFilters;
import org.abstracta.searchapi.search.facet.PaperSearcher;
import org.abstracta.searchapi.search.query.ParsedQuery;
import org.abstracta.searchapi.search.query.RecoveryOptions;
import org.abstracta.searchapi.search.query.UserQueryParser;

/**
 * The embedded engine's counts for {@link RecoveryOptions}: each changed search parsed, filtered
 * and counted on the snapshot that found nothing (a count scores nothing).
 */
final class Recovery {
  private Recovery() {}

  /** {@code result} with its recovery options when it found nothing; else itself. */
  static SearchResult attach(PaperSearcher searcher, SearchRequest request, SearchResult result)
      throws IOException {
    if (result.total() > 0) return result; // no parser built for a search that found something
    UserQueryParser parser = new UserQueryParser(searcher.getIndexReader());
    return RecoveryOptions.attach(request, result, (q, f) -> count(searcher, parser, q, f));
  }

  private static long count(
      PaperSearcher searcher,
      UserQueryParser parser,
      String query,
      Map<String, List<String>> filters)
      throws IOException {
    ParsedQuery parsed = parser.parse(query);
    return searcher.count(
        FacetFilters.of(filters, parsed.filters(), searcher).apply(parsed.query()));
  }
}
