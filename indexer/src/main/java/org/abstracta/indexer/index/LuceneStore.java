package org.abstracta.indexer.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded index directory as a {@link PaperStore}: an {@link IndexWriter} (holding Lucene's
 * write lock, so a second run is refused), lookups on the last commit read without the writer, and
 * one commit for the run.
 */
final class LuceneStore implements PaperStore {
  private final Path index;
  private final UnaryOperator<Directory> storage;
  private final PaperDocuments documents = new PaperDocuments();
  private Directory dir;
  private IndexWriter writer;
  private DirectoryReader start;
  private DirectoryReader nrt;

  /**
   * @param storage wraps the index directory: where tests put one that fails like a full disk
   */
  LuceneStore(Path index, UnaryOperator<Directory> storage) {
    this.index = index;
    this.storage = storage;
  }

  @Override
  public String describe() {
    return "the index " + index;
  }

  @Override
  public PaperLookup open(boolean rebuild) throws IOException, IndexerException {
    dir = storage.apply(IndexWriterFactory.open(index));
    try {
      writer = IndexWriterFactory.writer(dir, rebuild);
    } catch (LockObtainFailedException e) {
      throw new IndexerException(
          "the index " + index + " is being written by another indexing run (write.lock is held)",
          3,
          e);
    }
    // The committed state, read without the writer: an NRT reader would make the writer pool
    // segment readers for the whole run. --rebuild starts from nothing.
    start = !rebuild && DirectoryReader.indexExists(dir) ? DirectoryReader.open(dir) : null;
    return new ReaderLookup(start);
  }

  @Override
  public Object prepare(Paper paper, Map<String, float[]> vectors) throws IOException {
    return documents.toDocument(paper, vectors);
  }

  @Override
  public void write(String id, Object prepared, boolean added) throws IOException {
    Document doc = (Document) prepared;
    // A plain add spares every flush from resolving a delete term per document.
    if (added) writer.addDocument(doc);
    else writer.updateDocument(PaperDocuments.idTerm(id), doc);
  }

  @Override
  public void delete(String id) throws IOException {
    writer.deleteDocuments(PaperDocuments.idTerm(id));
  }

  @Override
  public PaperLookup current() throws IOException {
    if (nrt == null) nrt = DirectoryReader.open(writer);
    return new ReaderLookup(nrt);
  }

  @Override
  public int commit() throws IOException {
    closeReaders();
    if (writer.hasUncommittedChanges()) {
      // Updated, not replaced: the embedding stage's keys (model, field, run) stay.
      CommitData.update(
          writer, Map.of("abstracta.schema", "1", "abstracta.run", Instant.now().toString()));
      writer.commit();
      // Only the small segments, even after a build: merging the whole 112,788-paper index added
      // 14 s to its 32 (docs/performance.md), and the embedding stage that follows a default run
      // rewrites every paper and merges the index whole anyway.
      SmallSegmentMerges.mergeAndCommit(writer, false);
    }
    int docs = writer.getDocStats().numDocs;
    writer.close();
    return docs;
  }

  @Override
  public void rollback() {
    try {
      closeReaders();
    } catch (IOException | RuntimeException ignored) {
      // the run already failed or ended
    }
    if (writer != null && writer.isOpen()) {
      try {
        writer.rollback();
      } catch (IOException | RuntimeException ignored) {
        // the run already failed; the previous commit is what remains
      }
    }
  }

  private void closeReaders() throws IOException {
    try {
      if (nrt != null) nrt.close();
      if (start != null) start.close();
    } finally {
      nrt = null;
      start = null;
    }
  }

  @Override
  public void close() throws IOException {
    rollback();
    if (dir != null) dir.close();
  }
}
