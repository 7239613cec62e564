package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.abstracta.indexer.schema.Facets;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * The searcher of one index snapshot, with what is computed once per snapshot: the facet ordinal
 * maps of {@code $facets} and {@code $author} and every author's paper count (built when the
 * snapshot is opened, on the refresh thread), and, on first use, the author name list and the
 * counts over all documents.
 */
public final class PaperSearcher extends IndexSearcher {
  private final SortedSetDocValuesReaderState facetState;
  private final SortedSetDocValuesReaderState authorState;
  private final AuthorOrdinals authorOrdinals;
  private final FacetOrdinals facetOrdinals;
  private final LeafSlice[] slices;
  private volatile AuthorNames authorNames;
  private final SourceLabels sourceLabels = new SourceLabels(this);

  public PaperSearcher(IndexReader reader) throws IOException {
    this(reader, SearchThreads.COUNT);
  }

  /** As above, scoring in at most {@code slices} slices (tests compare 1 with several). */
  public PaperSearcher(IndexReader reader, int slices) throws IOException {
    super(reader);
    this.facetState = state(reader, Facets.FIELD);
    this.authorState = state(reader, Facets.AUTHOR_FIELD);
    this.authorOrdinals = AuthorOrdinals.build(reader, authorState);
    this.facetOrdinals = FacetOrdinals.build(reader, facetState);
    this.slices = SearchThreads.slices(reader.leaves(), slices);
  }

  /** What a source facet value is called ("Jackie Kay — author page"), looked up once. */
  public String sourceLabel(String value) {
    return sourceLabels.label(value);
  }

  /** Makes a {@code PaperSearcher} for each snapshot a {@code SearcherManager} opens. */
  public static SearcherFactory factory() {
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

  /** Author counting for this snapshot, or null while no document has an author. */
  AuthorOrdinals authorOrdinals() {
    return authorOrdinals;
  }

  /** Counting of the small dimensions for this snapshot, or null while no document has one. */
  public FacetOrdinals facetOrdinals() {
    return facetOrdinals;
  }

  /**
   * A searcher over the same snapshot that gives up after {@code budgetMs} (one per request) and
   * scores its segments in slices on {@link SearchThreads}.
   */
  public IndexSearcher timed(long budgetMs) {
    IndexSearcher s =
        new IndexSearcher(getIndexReader(), SearchThreads.pool()) {
          @Override
          protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
            return slices;
          }
        };
    s.setTimeout(new QueryTimeoutImpl(budgetMs));
    return s;
  }

  /**
   * As {@link #timed}, scoring on the calling thread only: for work done while another thread uses
   * the other core (a query being embedded).
   */
  public IndexSearcher timedOnThisThread(long budgetMs) {
    IndexSearcher s = new IndexSearcher(getIndexReader());
    s.setTimeout(new QueryTimeoutImpl(budgetMs));
    return s;
  }

  public AuthorNames authorNames() {
    AuthorNames names = authorNames;
    if (names == null) {
      try {
        names = AuthorNames.build(authorOrdinals);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      authorNames = names;
    }
    return names;
  }
}
