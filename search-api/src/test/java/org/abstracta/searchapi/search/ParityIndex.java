package org.abstracta.searchapi.search;

import java.io.IOException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.Directory;

/**
 * A bare index of 30 documents in three segments (0–9, 10–19, 20–29), each with a {@code parity} of
 * {@code even} or {@code odd}: for code that must work across segments.
 */
public final class ParityIndex {
  public static final String FIELD = "parity";

  private ParityIndex() {}

  public static void write(Directory dir) throws IOException {
    IndexWriterConfig config =
        new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int i = 0; i < 30; i++) {
        Document d = new Document();
        d.add(new StringField(FIELD, i % 2 == 0 ? "even" : "odd", Field.Store.NO));
        w.addDocument(d);
        if (i % 10 == 9) w.commit();
      }
    }
  }
}
