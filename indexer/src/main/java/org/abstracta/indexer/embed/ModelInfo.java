package org.abstracta.indexer.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;

/**
 * What made a vector: the model, its exact file, and how a text becomes one vector. Two vectors are
 * comparable only when every part is equal; {@link #key()} names them all, and the vectors live in
 * a field of that name ({@link #field()}), so a query vector is never compared with a vector of
 * another model, version or pooling. The embedding stage writes these values into each commit's
 * user data ({@link #commitData()}).
 *
 * @param key short name of this whole description, part of the field name; change it whenever a
 *     part below changes
 * @param name the model's name (its Hugging Face id)
 * @param version the model file: its artifact and the first 16 hex digits of its SHA-256
 * @param dimension length of each vector
 * @param pooling how the model's token outputs become one vector, and how a text longer than {@code
 *     maxTokens} is covered
 * @param maxTokens the most tokens (with {@code [CLS]} and {@code [SEP]}) the model reads at once
 * @param queryPrefix what is put before a query's text (the model's instruction for queries)
 */
public record ModelInfo(
    String key,
    String name,
    String version,
    int dimension,
    String pooling,
    int maxTokens,
    String queryPrefix) {

  /** Commit user data keys. */
  public static final String DATA_PREFIX = "abstracta.vectors.";

  /** The vector field of this model. */
  public String field() {
    return Fields.vector(key);
  }

  /** This description as commit user data: {@code abstracta.vectors.*} keys. */
  public Map<String, String> commitData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(DATA_PREFIX + "field", field());
    data.put(DATA_PREFIX + "model", name);
    data.put(DATA_PREFIX + "version", version);
    data.put(DATA_PREFIX + "dimension", Integer.toString(dimension));
    data.put(DATA_PREFIX + "similarity", PaperDocuments.VECTOR_SIMILARITY.name());
    data.put(DATA_PREFIX + "pooling", pooling);
    data.put(DATA_PREFIX + "maxTokens", Integer.toString(maxTokens));
    return data;
  }

  /**
   * Whether the commit whose user data is {@code commitData} says the vectors of this model's field
   * were made otherwise than this model makes them (same field, another model, version, pooling or
   * length): then they must not be compared with this model's, and are embedded again.
   */
  public boolean conflictsWith(Map<String, String> commitData) {
    if (!field().equals(commitData.get(DATA_PREFIX + "field"))) return false;
    return !commitData().entrySet().stream()
        .allMatch(e -> e.getValue().equals(commitData.get(e.getKey())));
  }
}
