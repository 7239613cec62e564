package org.abstracta.searchapi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.abstracta.indexer.schema.Facets;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * The searcher of one index snapshot, with what is computed once per snapshot: the facet ordinal
 * maps of {@code $facets} and {@code $author} (built when the snapshot is opened, on the refresh
 * thread), and, on first use, the author name list and the counts over all documents.
 */
final class PaperSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final SortedSetDocValuesReaderState authorState;
  private volatile AuthorNames authorNames;
  private final Object allCountsLock = new Object();
  private SortedSetDocValuesFacetCounts allCounts; // guarded by allCountsLock

  PaperSearcher(IndexReader reader) throws IOException {
    super(reader);
    this.facetState = state(reader, Facets.FIELD);
    this.authorState = state(reader, Facets.AUTHOR_FIELD);
  }

  /** Makes a {@code PaperSearcher} for each snapshot a {@code SearcherManager} opens. */
  static SearcherFactory factory() {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
          throws IOException {
        return new PaperSearcher(reader);
      }
    };
  }

  private static SortedSetDocValuesReaderState state(IndexReader reader, String field)
      throws IOException {
    try {
      return new DefaultSortedSetDocValuesReaderState(reader, field, Facets.config());
    } catch (IllegalArgumentException e) {
      return null; // no document has a value in this field yet (an empty index)
    }
  }

  /** The facet state holding {@code dim}, or null while no document has one. */
  SortedSetDocValuesReaderState state(String dim) {
    return Facets.AUTHOR.equals(dim) ? authorState : facetState;
  }

  /** A searcher over the same snapshot that gives up after {@code budgetMs} (one per request). */
  IndexSearcher timed(long budgetMs) {
    IndexSearcher s = new IndexSearcher(getIndexReader());
    s.setTimeout(new QueryTimeoutImpl(budgetMs));
    return s;
  }

  AuthorNames authorNames() {
    AuthorNames names = authorNames;
    if (names == null) {
      try {
        names = AuthorNames.build(authorState);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      authorNames = names;
    }
    return names;
  }

  /** What to read from the counts over all documents. */
  interface CountsReader<T> {
    T read(SortedSetDocValuesFacetCounts counts) throws IOException;
  }

  /**
   * Reads the counts of every dimension except author over all documents (null for an empty index),
   * computed once per snapshot. One caller at a time: the counts look labels up through one
   * doc-values iterator, which is not thread-safe (concurrent {@code /api/stats} calls failed with
   * "read past EOF" and index errors); each read is short.
   */
  <T> T readAllCounts(CountsReader<T> reader) throws IOException {
    synchronized (allCountsLock) {
      if (allCounts == null && facetState != null) {
        allCounts = new SortedSetDocValuesFacetCounts(facetState);
      }
      return reader.read(allCounts);
    }
  }
}
