package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PaperCodec}: what the indexer writes, found by name, and older indexes it takes over. */
class PaperCodecTest {
  @Test
  void the_factorys_writer_stores_papers_in_small_chunks_readable_by_name(@TempDir Path dir)
      throws Exception {
    try (Directory d = IndexWriterFactory.open(dir)) {
      try (IndexWriter w = IndexWriterFactory.writer(d, true)) {
        add(w, 0, 50);
        w.commit();
      }
      assertEquals(List.of(PaperCodec.NAME), codecs(d));
      // Any reader finds the codec by the name each segment carries (Lucene's service loader).
      assertEquals(PaperCodec.class, Codec.forName(PaperCodec.NAME).getClass());
      assertEquals(
          "Lucene90CompressingStoredFieldsFormat(compressionMode=FAST, chunkSize=4096,"
              + " maxDocsPerChunk=1024, blockShift=10)",
          Codec.forName(PaperCodec.NAME).storedFieldsFormat().toString());
      assertEquals(
          Lucene90CompressingStoredFieldsFormat.class,
          new PaperCodec().storedFieldsFormat().getClass());
      try (DirectoryReader r = DirectoryReader.open(d)) {
        assertStored(r, 0, 50);
      }
    }
  }

  @Test
  void an_index_written_with_lucenes_codec_is_read_and_merged_into_this_one(@TempDir Path dir)
      throws Exception {
    try (Directory d = IndexWriterFactory.open(dir)) {
      try (IndexWriter old = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
        add(old, 0, 30);
        old.commit();
      }
      assertEquals(List.of(Codec.getDefault().getName()), codecs(d));
      try (IndexWriter w = IndexWriterFactory.writer(d, false)) {
        add(w, 30, 20);
        w.commit();
        assertEquals(List.of(Codec.getDefault().getName(), PaperCodec.NAME), codecs(d));
        try (DirectoryReader r = DirectoryReader.open(d)) {
          assertStored(r, 0, 50);
        }
      }
      // A merge rewrites the old segment in this codec (the factory's policy merges only small
      // segments when forced, so a plain writer with the codec forces it here).
      try (IndexWriter w =
          new IndexWriter(
              d, new IndexWriterConfig(new StandardAnalyzer()).setCodec(new PaperCodec()))) {
        w.forceMerge(1);
        w.commit();
      }
      assertEquals(List.of(PaperCodec.NAME), codecs(d));
      try (DirectoryReader r = DirectoryReader.open(d)) {
        assertStored(r, 0, 50);
      }
    }
  }

  /** Papers of about 2 KB, as stored papers are: two or three to a chunk. */
  private static void add(IndexWriter w, int first, int count) throws Exception {
    for (int i = first; i < first + count; i++) {
      Document doc = new Document();
      doc.add(new StoredField("_source", ("paper " + i + " ").repeat(200)));
      w.addDocument(doc);
    }
  }

  private static void assertStored(DirectoryReader r, int first, int count) throws Exception {
    assertEquals(count, r.numDocs());
    StoredFields stored = r.storedFields();
    for (int doc = 0; doc < count; doc++) {
      assertEquals(
          ("paper " + (first + doc) + " ").repeat(200), stored.document(doc).get("_source"));
    }
  }

  private static List<String> codecs(Directory d) throws Exception {
    List<String> out = new ArrayList<>();
    for (SegmentCommitInfo si : SegmentInfos.readLatestCommit(d)) {
      out.add(si.info.getCodec().getName());
    }
    return out;
  }
}
