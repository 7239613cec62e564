package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;

/**
 * The names of the source facet's values as readers know them ({@link Source#label()}: "Jackie Kay
 * — author page", "Daily papers, Oct 17"), where the value itself is a file name. A value's name is
 * read from one paper of that source the first time it is shown, then kept for the snapshot.
 */
final class SourceLabels {
  private final IndexSearcher searcher;
  private final Map<String, String> labels = new ConcurrentHashMap<>();

  SourceLabels(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  String label(String value) {
    String known = labels.get(value);
    if (known != null) return known;
    String label = find(value);
    labels.put(value, label);
    return label;
  }

  private String find(String value) {
    try {
      DrillDownQuery q = new DrillDownQuery(Facets.config());
      q.add(Facets.SOURCE, value);
      TopDocs top = searcher.search(q, 1);
      if (top.scoreDocs.length == 0) return value;
      Paper p = PaperDocuments.load(searcher.storedFields(), top.scoreDocs[0].doc);
      for (Source s : p.sources()) {
        if (s.facetValue().equals(value)) return s.label();
      }
    } catch (IOException | RuntimeException e) {
      // A name is a nicety: the value itself still says which source it is.
    }
    return value;
  }
}
