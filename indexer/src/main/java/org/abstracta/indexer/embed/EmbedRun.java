package org.abstracta.indexer.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.abstracta.indexer.index.CommitData;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexWriterFactory;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.indexer.index.Progress;
import org.abstracta.indexer.index.SmallSegmentMerges;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * The embedding stage: gives every paper of the index that has no vector of the model one, in
 * batches, each batch one commit; then infers subjects for papers without any ({@link
 * SubjectInference}).
 *
 * <p>It follows the keyword commit: keyword search works as soon as {@code index} commits, and a
 * running server picks up each batch's commit as vectors arrive. Lucene cannot add a vector to a
 * document, so each paper's document is written again (from its stored JSON, by {@link
 * PaperDocuments}) with the vector, by {@code updateDocument(id)}: never a duplicate.
 *
 * <p><b>Incremental:</b> only papers without a vector in the model's field are embedded. {@code
 * index} keeps a paper's vector when it writes the paper with the same title and abstract, and
 * drops it when they changed, so a changed paper is embedded again. Vectors in another model's
 * field are never read; when the commit says the field's vectors were made otherwise than this
 * model makes them ({@link ModelInfo#conflictsWith}), every paper is embedded again.
 *
 * <p><b>Resumable:</b> a crash or kill loses the batch in progress, not the committed ones; the
 * next run embeds what is left. It holds the index's write lock, so {@code index} and {@code embed}
 * never write at once (the second is refused, exit code 3).
 */
public final class EmbedRun {
  private final EmbedOptions options;
  private final Embedder embedder;
  private final PaperDocuments documents = new PaperDocuments();
  private long embedded;
  private long noText;

  /** Whether commits describe the vectors as this model's ({@link ModelInfo#commitData()}). */
  private boolean describeVectors = true;

  /** Commit user data: whether subjects were inferred since the last batch of vectors. */
  static final String SUBJECTS_KEY = ModelInfo.DATA_PREFIX + "subjects";

  static final String SUBJECTS_INFERRED = "inferred";

  private boolean subjectsInferred;

  private EmbedRun(EmbedOptions options, Embedder embedder) {
    this.options = options;
    this.embedder = embedder;
  }

  /** Embeds the papers of {@code options.index()} that lack a vector of {@code embedder}. */
  public static EmbedSummary run(EmbedOptions options, Embedder embedder) throws IndexerException {
    return new EmbedRun(options, embedder).execute();
  }

  /** A document of the start reader: its segment and its number there. */
  private record Pending(int leaf, int doc) {}

  private EmbedSummary execute() throws IndexerException {
    long start = System.nanoTime();
    if (!Files.isDirectory(options.index())) throw noIndex();
    try (Directory dir = IndexWriterFactory.open(options.index())) {
      if (!DirectoryReader.indexExists(dir)) throw noIndex();
      IndexWriter writer;
      try {
        writer = IndexWriterFactory.writer(dir, false);
      } catch (LockObtainFailedException e) {
        throw new IndexerException(
            "the index "
                + options.index()
                + " is being written by another run (write.lock is held)",
            3,
            e);
      }
      try {
        long inferred;
        int papers;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          papers = reader.numDocs();
          subjectsInferred =
              SUBJECTS_INFERRED.equals(reader.getIndexCommit().getUserData().get(SUBJECTS_KEY));
          // Vectors another way of embedding wrote into this field: every paper is embedded
          // again, and the commits say so only once all are (a rerun after a crash starts over).
          boolean conflicting = IndexedVectors.conflicting(reader, embedder.model());
          List<Pending> todo = withoutVector(reader, embedder.model().field(), !conflicting);
          describeVectors = !conflicting;
          embedAll(reader, todo, writer);
          describeVectors = true;
        }
        // Subjects are inferred after the last batch: when this run embedded papers (whose
        // neighbours changed), or a run before it stopped before inferring them.
        inferred = 0;
        if (embedded > 0 || !subjectsInferred) {
          inferred = SubjectInference.update(writer, embedder.model(), documents);
          subjectsInferred = true;
          commit(writer);
        }
        // The batches' small segments; the whole index when this run embedded most of it.
        SmallSegmentMerges.mergeAndCommit(writer, embedded * 2L >= papers);
        long documentsCount;
        long withVectors;
        try (DirectoryReader after = DirectoryReader.open(writer)) {
          documentsCount = after.numDocs();
          withVectors = IndexedVectors.count(after, embedder.model().field());
        }
        writer.close();
        return new EmbedSummary(
            embedded,
            noText,
            withVectors,
            documentsCount,
            inferred,
            (System.nanoTime() - start) / 1e9);
      } finally {
        if (writer.isOpen()) writer.rollback();
      }
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      throw new IndexerException(
          "cannot embed into the index "
              + options.index()
              + ": "
              + IndexRun.describe(cause)
              + " (the index keeps its last commit; run 'abstracta embed' to go on)",
          4,
          e);
    }
  }

  private IndexerException noIndex() {
    return new IndexerException(
        "no index at " + options.index() + " (build one with 'abstracta index' first)", 2, null);
  }

  /**
   * The live documents of {@code reader} without a vector in {@code field}; every live document
   * when the field's vectors are not {@code trusted} to be this model's.
   */
  private static List<Pending> withoutVector(DirectoryReader reader, String field, boolean trusted)
      throws IOException {
    List<Pending> out = new ArrayList<>();
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      Bits live = leaf.getLiveDocs();
      FloatVectorValues values = trusted ? leaf.getFloatVectorValues(field) : null;
      KnnVectorValues.DocIndexIterator has = values == null ? null : values.iterator();
      int next = has == null ? DocIdSetIterator.NO_MORE_DOCS : has.nextDoc();
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        if (next < doc) next = has.advance(doc);
        if (next == doc || (live != null && !live.get(doc))) continue;
        out.add(new Pending(ctx.ord, doc));
      }
    }
    return out;
  }

  private void embedAll(DirectoryReader reader, List<Pending> todo, IndexWriter writer)
      throws IOException {
    if (todo.isEmpty()) return;
    List<StoredFields> stored = new ArrayList<>();
    for (LeafReaderContext ctx : reader.leaves()) stored.add(ctx.reader().storedFields());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, options.threads()),
            r -> {
              Thread t = new Thread(r, "abstracta-embedder");
              t.setDaemon(true);
              return t;
            });
    try (Progress progress =
        Progress.items(options.progress(), "Embedding", todo.size(), " papers")) {
      for (int from = 0; from < todo.size(); from += options.batch()) {
        List<Pending> batch = todo.subList(from, Math.min(todo.size(), from + options.batch()));
        List<Paper> papers = new ArrayList<>(batch.size());
        for (Pending p : batch) papers.add(PaperDocuments.load(stored.get(p.leaf()), p.doc()));
        List<float[]> vectors = embed(pool, papers);
        boolean wrote = false;
        for (int i = 0; i < papers.size(); i++) {
          if (vectors.get(i) == null) {
            noText++;
            continue;
          }
          Paper paper = papers.get(i);
          writer.updateDocument(
              PaperDocuments.idTerm(paper.id()),
              documents.toDocument(paper, Map.of(embedder.model().field(), vectors.get(i))));
          embedded++;
          wrote = true;
        }
        if (wrote) {
          subjectsInferred = false;
          commit(writer);
        }
        progress.step(batch.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The vectors of {@code papers}' texts (null for a paper without text), side by side. */
  private List<float[]> embed(ExecutorService pool, List<Paper> papers) throws IOException {
    List<Future<float[]>> futures = new ArrayList<>(papers.size());
    for (Paper p : papers) {
      String text = PaperDocuments.embeddedText(p);
      futures.add(pool.submit(() -> text == null ? null : embedder.embed(text)));
    }
    List<float[]> out = new ArrayList<>(papers.size());
    try {
      for (Future<float[]> f : futures) out.add(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IOException(e.getCause());
    } finally {
      for (Future<float[]> f : futures) f.cancel(true);
    }
    return out;
  }

  private void commit(IndexWriter writer) throws IOException {
    Map<String, String> data = new HashMap<>();
    if (describeVectors) data.putAll(embedder.model().commitData());
    data.put(ModelInfo.DATA_PREFIX + "run", java.time.Instant.now().toString());
    data.put(SUBJECTS_KEY, subjectsInferred ? SUBJECTS_INFERRED : "pending");
    CommitData.update(writer, data);
    writer.commit();
  }
}
