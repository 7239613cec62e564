package org.abstracta.indexer.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * {@link PaperLookup} over a point-in-time reader: direct term seeks, no query machinery, safe to
 * call from several threads.
 */
final class ReaderLookup implements PaperLookup {
  private final IndexReader reader;

  ReaderLookup(IndexReader reader) {
    this.reader = reader;
  }

  @Override
  public Paper byId(String id) throws IOException {
    List<Paper> found = find(Fields.ID, id);
    return found.isEmpty() ? null : found.getFirst();
  }

  @Override
  public List<Paper> byTitleKey(String titleKey) throws IOException {
    List<Paper> found = find(Fields.TITLE_KEY, titleKey);
    found.sort(Comparator.comparing(Paper::id));
    return found;
  }

  @Override
  public Map<String, float[]> vectors(String id) throws IOException {
    Map<String, float[]> out = new TreeMap<>();
    forEachLive(Fields.ID, id, (leaf, doc) -> out.putAll(PaperDocuments.vectors(leaf, doc)));
    return out;
  }

  private List<Paper> find(String field, String value) throws IOException {
    List<Paper> out = new ArrayList<>(1);
    forEachLive(
        field, value, (leaf, doc) -> out.add(PaperDocuments.load(leaf.storedFields(), doc)));
    return out;
  }

  private interface DocVisitor {
    void visit(LeafReader leaf, int doc) throws IOException;
  }

  /** Visits every live document whose {@code field} holds the term {@code value}. */
  private void forEachLive(String field, String value, DocVisitor visitor) throws IOException {
    if (reader == null || value.isEmpty()) return;
    BytesRef term = new BytesRef(value);
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      Terms terms = leaf.terms(field);
      if (terms == null) continue;
      TermsEnum te = terms.iterator();
      if (!te.seekExact(term)) continue;
      Bits live = leaf.getLiveDocs();
      PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live == null || live.get(d)) visitor.visit(leaf, d);
      }
    }
  }
}
