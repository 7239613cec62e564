package org.abstracta.searchapi.search.vector;

import java.io.IOException;
import org.abstracta.indexer.embed.IndexedVectors;
import org.abstracta.indexer.embed.ModelInfo;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The vectors of one model in one index snapshot: its field, when some segment holds vectors of the
 * model's dimension there and the commit does not say they were made otherwise ({@link
 * IndexedVectors#conflicting}). Cheap: it reads field infos and the commit's user data.
 */
public record VectorField(String field, ModelInfo model) {

  /** The field of {@code model}'s vectors in {@code reader}, or null when it holds none. */
  public static VectorField of(IndexReader reader, ModelInfo model) throws IOException {
    boolean present = false;
    for (LeafReaderContext leaf : reader.leaves()) {
      FieldInfo fi = leaf.reader().getFieldInfos().fieldInfo(model.field());
      if (fi != null && fi.getVectorDimension() == model.dimension()) present = true;
    }
    if (!present) return null;
    if (reader instanceof DirectoryReader dr && IndexedVectors.conflicting(dr, model)) return null;
    return new VectorField(model.field(), model);
  }

  /** How many live documents of {@code reader} have a vector in this field. */
  public long count(IndexReader reader) throws IOException {
    return IndexedVectors.count(reader, field);
  }
}
