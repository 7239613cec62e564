package org.abstracta.searchapi.search;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import org.abstracta.indexer.model.Paper;

/**
 * Everything the HTTP layer and the CLI ask of the index, in Lucene-free terms. The implementation
 * ({@code IndexSearchService}) holds a {@code SearcherManager} over the index directory and
 * refreshes it when another process commits.
 */
public interface SearchService extends Closeable {

  SearchResult search(SearchRequest request);

  /**
   * The whole document, by any id form (arXiv id with or without version/prefix, DOI, title id).
   */
  Optional<Paper> paper(String id);

  /**
   * The whole documents of {@code ids}, in their order (the hits of a search, for an export); an id
   * no longer in the index is left out.
   */
  default List<Paper> papers(List<String> ids) {
    return ids.stream().map(this::paper).flatMap(Optional::stream).toList();
  }

  /** Papers like this one (more-like-this over title and abstract), best first. */
  List<Hit> similar(String id, int size);

  /** Completions for a prefix: titles, authors, terms. */
  List<Suggestion> suggest(String prefix, int size);

  /** All values of one facet dimension, optionally only those starting with {@code prefix}. */
  FacetResult facetValues(String dim, String prefix, int size);

  IndexStats stats();

  /** How index snapshots were opened and closed, and searchers in use (zero when not an index). */
  default SnapshotCounts snapshots() {
    return new SnapshotCounts(0, 0, 0);
  }
}
