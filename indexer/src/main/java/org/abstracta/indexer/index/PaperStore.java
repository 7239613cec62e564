package org.abstracta.indexer.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.abstracta.indexer.model.Paper;

/**
 * Where an indexing run ({@link IndexRun}) finds the papers it merges with and writes its
 * documents: the embedded Lucene index ({@link LuceneStore}, the default) or an OpenSearch index
 * ({@code indexer.opensearch}). The run does the same reading, merging and counting for both; a
 * store only looks papers up and writes them, and makes the run visible at once or not at all.
 *
 * <p>To add a store: implement these methods so that {@link #commit()} shows every write of the run
 * together and {@link #rollback()} leaves what the store held before {@link #open(boolean)}. {@link
 * #prepare}, {@link #write} and {@link #delete} are called from several threads at once.
 */
public interface PaperStore extends Closeable {

  /** What the run writes to, for messages: {@code the index /data/idx}. */
  String describe();

  /** What a failed run leaves, for messages: {@code the index keeps its previous commit}. */
  default String keeps() {
    return "the index keeps its previous commit";
  }

  /**
   * Starts the run (from nothing with {@code rebuild}) and returns the papers as they were then.
   *
   * @throws IndexerException with exit code 3 when another run is writing
   */
  PaperLookup open(boolean rebuild) throws IOException, IndexerException;

  /**
   * Readies one paper for {@link #write} on the calling (parser) thread: what can be done before
   * the writer's turn. {@code vectors} are those the paper keeps from the document it replaces (its
   * text unchanged), by field; a store that holds no vectors ignores them.
   *
   * @throws IllegalArgumentException when the store cannot hold this paper (the record is skipped)
   */
  Object prepare(Paper paper, Map<String, float[]> vectors) throws IOException;

  /**
   * Writes a paper {@link #prepare}d before, as the document with id {@code id}.
   *
   * @param added nothing had this id when the run started and no other record of the run claimed
   *     it: a plain add, no replace needed
   * @throws IllegalArgumentException when the store refuses the document (the record is skipped)
   */
  void write(String id, Object prepared, boolean added) throws IOException;

  /** Deletes the document with id {@code id}, if there is one. */
  void delete(String id) throws IOException;

  /** A lookup that sees every write of the run so far: the end-of-run merge of deferred records. */
  PaperLookup current() throws IOException;

  /** Makes the run's writes visible together; returns how many documents the store holds then. */
  int commit() throws IOException;

  /** Drops what the run wrote, if it did not commit; the store keeps what it held. Never throws. */
  void rollback();
}
