package org.abstracta.indexer.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * The codec every index is written with: Lucene's, with a stored-fields format and a vector format
 * chosen for how papers are read. Its name is written with each segment and it is registered as a
 * Lucene codec ({@code META-INF/services}), so any reader with this jar opens the index; segments
 * of older indexes, written with Lucene's own codec, stay readable and are rewritten by merges.
 */
public final class PaperCodec extends FilterCodec {
  public static final String NAME = "Abstracta104";

  /**
   * Stored papers are compressed in chunks of about this many bytes. A search reads ten papers at
   * random; Lucene's default (BEST_SPEED: 80 KB chunks, an LZ4 dictionary and sub-blocks of ~8 KB)
   * decompresses 12 KB or more for each ~2 KB paper. Chunks of 4 KB (two papers) with plain LZ4
   * load ten random papers of the 112,788-paper index 2.7x faster (108 against 294 µs) for 21% more
   * stored bytes (144 against 119 MB), and a paper not in memory is one 4 KB page read.
   * docs/performance.md ("Stored papers") has the measurements.
   */
  static final int STORED_CHUNK_BYTES = 4 * 1024;

  private static final StoredFieldsFormat STORED =
      new Lucene90CompressingStoredFieldsFormat(
          "AbstractaStoredFields", CompressionMode.FAST, STORED_CHUNK_BYTES, 1024, 10);

  /**
   * The format of every vector field: an HNSW graph (16 links per node, 100 candidates while
   * building: Lucene's defaults) over vectors quantized to 8 bits per dimension, beside the raw
   * floats. docs/performance.md ("Embeddings") compares size, recall against exact search and query
   * time with plain floats and with 4 and 1 bits.
   */
  public static final KnnVectorsFormat VECTOR_FORMAT =
      new Lucene104HnswScalarQuantizedVectorsFormat(
          QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, 16, 100);

  /** Made by {@link IndexWriterFactory} for writers, found by name by Lucene for readers. */
  public PaperCodec() {
    super(
        NAME,
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return VECTOR_FORMAT;
          }
        });
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return STORED;
  }
}
