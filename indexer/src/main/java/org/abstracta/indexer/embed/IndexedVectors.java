package org.abstracta.indexer.embed;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;

/** What an index holds of vectors, read cheaply from a reader. */
public final class IndexedVectors {
  private IndexedVectors() {}

  /**
   * How many live documents have a vector in {@code field} ({@link ModelInfo#field()}): from each
   * segment's vector count where it has no deletions, else by walking its vectors' documents.
   */
  public static int count(IndexReader reader, String field) throws IOException {
    return new IndexSearcher(reader).count(new FieldExistsQuery(field));
  }

  /**
   * Whether {@code reader}'s commit says the vectors in {@code model}'s field were made otherwise
   * than {@code model} makes them ({@link ModelInfo#conflictsWith}). When so, treat the index as
   * having no vectors of {@code model}: the embedding stage embeds every paper again.
   */
  public static boolean conflicting(DirectoryReader reader, ModelInfo model) throws IOException {
    return model.conflictsWith(reader.getIndexCommit().getUserData());
  }
}
