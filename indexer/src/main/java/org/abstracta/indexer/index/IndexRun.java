package org.abstracta.indexer.index;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import java.util.zip.ZipException;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.ingest.InputCollector;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.LineParser;
import org.abstracta.indexer.ingest.LineReader;
import org.abstracta.indexer.ingest.PaperParser;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.ingest.RecordSink;
import org.abstracta.indexer.ingest.WholeFileParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.indexer.text.TitleKey;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * One indexing run: read every input, merge each record into the document it belongs to, write with
 * {@code updateDocument(id)}, and make it all visible in one commit.
 *
 * <p>Threads: the calling thread reads files (gunzip, line splitting, whole-page parsing) and hands
 * batches to parser threads that parse JSON lines and resolve merges against the index as it was
 * when the run started; they hand the resolved documents to writer threads that analyze and write
 * them. A record whose id or title another record of this run already claimed is deferred to a
 * sequential pass at the end, which sees this run's writes through a near-real-time reader; so
 * merges are exact without holding the run in memory.
 *
 * <p>Writing (analysis and Lucene's in-memory indexing) is most of the work, so most threads write;
 * but not every thread: each writing thread fills its own in-memory segment, and on a small machine
 * two or three of them flush smaller segments and spend more CPU on flushing and merging than one
 * writer fed by a parser.
 */
public final class IndexRun {
  /** How many skips the summary lists (all are counted). */
  public static final int MAX_LISTED_SKIPS = 1000;

  private static final int BATCH = 256;

  /** A batch also ends at this many characters, so batches of long lines keep memory bounded. */
  private static final int BATCH_CHARS = 4 * 1024 * 1024;

  private static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  /** Largest page or calendar, uncompressed: such a file is read into memory as a whole. */
  private static final long MAX_WHOLE_FILE_BYTES = 256L * 1024 * 1024;

  private final IndexOptions options;
  private final ParseContext context;
  private final LongAdder read = new LongAdder();
  private final LongAdder created = new LongAdder();
  private final LongAdder updated = new LongAdder();
  private final LongAdder unchanged = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final ConcurrentLinkedQueue<Skip> skips = new ConcurrentLinkedQueue<>();
  private final AtomicInteger listedSkips = new AtomicInteger();
  private final ClaimSet claims = new ClaimSet();
  private final ConcurrentLinkedQueue<Deferred> deferred = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Progress progress;

  private final PaperStore store;
  private ThreadPoolExecutor writers;
  private PaperLookup startState;

  private IndexRun(IndexOptions options, Progress progress, PaperStore store) {
    this.options = options;
    this.store = store;
    this.context = new ParseContext(options.asOf());
    this.progress = progress;
  }

  /** Indexes {@code paths} into {@code options.index()}. */
  public static IndexSummary run(List<Path> paths, IndexOptions options) throws IndexerException {
    return run(paths, options, UnaryOperator.identity());
  }

  /**
   * As {@link #run(List, IndexOptions)}, writing through {@code storage} wrapped around the index
   * directory: where tests put a directory that fails like a full disk.
   */
  static IndexSummary run(List<Path> paths, IndexOptions options, UnaryOperator<Directory> storage)
      throws IndexerException {
    return run(paths, options, new LuceneStore(options.index(), storage));
  }

  /**
   * Indexes {@code paths} into {@code store} (instead of {@code options.index()}), which the run
   * closes.
   */
  public static IndexSummary run(List<Path> paths, IndexOptions options, PaperStore store)
      throws IndexerException {
    long start = System.nanoTime();
    List<InputFile> files;
    try {
      files = InputCollector.collect(paths);
    } catch (NoSuchFileException e) {
      closeQuietly(store);
      throw new IndexerException(
          "no such file or directory: "
              + e.getFile()
              + (e.getReason() == null ? "" : " (" + e.getReason() + ")"),
          2,
          e);
    } catch (IOException e) {
      closeQuietly(store);
      throw new IndexerException("cannot list input: " + e.getMessage(), 2, e);
    }
    long totalBytes = 0;
    for (InputFile f : files) totalBytes += size(f.path());
    try (Progress progress = Progress.create(options.progress(), totalBytes)) {
      return new IndexRun(options, progress, store).execute(files, start);
    }
  }

  private static void closeQuietly(PaperStore store) {
    try {
      store.close();
    } catch (IOException | RuntimeException ignored) {
      // nothing was written
    }
  }

  private IndexSummary execute(List<InputFile> files, long startNanos) throws IndexerException {
    int filesRead = 0;
    int filesSkipped = 0;
    try (PaperStore s = store) {
      startState = store.open(options.rebuild());
      writers = writers(writerThreads(options.threads()));
      ThreadPoolExecutor workers = parsers(parserThreads(options.threads()));
      try {
        for (InputFile file : files) {
          if (failure.get() != null) break;
          if (readFile(file, workers)) filesRead++;
          else filesSkipped++;
        }
      } finally {
        workers.shutdown();
        awaitQuietly(workers);
        // Every parser is done, so nothing is handed to the writers any more.
        writers.shutdown();
        awaitQuietly(writers);
      }
      rethrowFailure();
      mergeDeferred();
      if (read.sum() == 0 && filesRead == 0) {
        store.rollback();
        throw new IndexerException(
            files.isEmpty()
                ? "nothing to read: no files found"
                : "nothing could be read: "
                    + skips.stream().sorted().map(Skip::toString).findFirst().orElse(""),
            1,
            null);
      }
      int docs = store.commit();
      List<Skip> listed = new ArrayList<>(skips);
      listed.sort(null);
      return new IndexSummary(
          filesRead,
          filesSkipped,
          read.sum(),
          created.sum(),
          updated.sum(),
          unchanged.sum(),
          skipped.sum(),
          List.copyOf(listed),
          docs,
          (System.nanoTime() - startNanos) / 1e9);
    } catch (IOException | RuntimeException e) {
      // Disk full, an I/O error, a failed commit: nothing of this run is committed.
      store.rollback();
      throw new IndexerException(
          "cannot write " + store.describe() + ": " + describe(e) + " (" + store.keeps() + ")",
          4,
          e);
    } finally {
      store.rollback();
    }
  }

  /**
   * For {@code threads} (writers), the threads that parse beside them: a quarter as many, at least
   * one. Parsing costs a fraction of analysis, and a parser waits while the writers' queue is full.
   */
  static int parserThreads(int threads) {
    return Math.max(1, threads / 4);
  }

  /**
   * The threads that analyze and write: {@code threads}, at least one. Every core writes: on 2
   * cores two writers index 300,000 papers 13% faster than one (the merges of a growing index need
   * the second core less than analysis does).
   */
  static int writerThreads(int threads) {
    return Math.max(1, threads);
  }

  private static ThreadPoolExecutor parsers(int n) {
    // A bounded queue whose overflow runs on the reading thread: memory stays bounded and the
    // reader helps with the work instead of racing ahead.
    return pool(n, "abstracta-parser", new ThreadPoolExecutor.CallerRunsPolicy());
  }

  private static ThreadPoolExecutor writers(int n) {
    // A full queue makes the parser wait rather than write itself: a parser that wrote would
    // fill one more in-memory segment.
    return pool(
        n,
        "abstracta-writer",
        (task, pool) -> {
          try {
            pool.getQueue().put(task);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException(e);
          }
        });
  }

  /** {@code n} daemon threads behind a queue of {@code 2n} tasks; {@code full} handles overflow. */
  private static ThreadPoolExecutor pool(int n, String name, RejectedExecutionHandler full) {
    return new ThreadPoolExecutor(
        n,
        n,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(n * 2),
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        },
        full);
  }

  /** Hands a parser's resolved records to the writers, in order. */
  private void writeLater(List<Pending> batch) {
    if (batch.isEmpty()) return;
    writers.execute(
        guarded(
            () -> {
              for (Pending p : batch)
                write(p.resolution(), p.document(), Map.of(), false, p.file(), p.line());
            }));
  }

  /**
   * A resolved record waiting for a writer, its document built (null when it is unchanged), and
   * where it was read.
   */
  private record Pending(Resolution resolution, Object document, InputFile file, int line) {}

  /** Reads one file; false if it was skipped as a whole. */
  private boolean readFile(InputFile file, ThreadPoolExecutor workers) {
    PaperParser parser = options.format();
    try {
      return readFile(file, parser, workers);
    } catch (IOException e) {
      skip(file, 0, "cannot read: " + describe(file, e));
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      // A reader that fails on some content costs that file, never the run.
      skip(file, 0, "cannot read: the reader failed on this content (" + describe(e) + ")");
      return false;
    }
  }

  private boolean readFile(InputFile file, PaperParser parser, ThreadPoolExecutor workers)
      throws IOException {
    if (Files.isDirectory(file.path())) {
      skip(file, 0, "a symbolic link to a directory, not followed (name it as a PATH to read it)");
      return false;
    }
    if (parser == null) {
      switch (Formats.detect(file)) {
        case Formats.Detected d -> parser = d.parser();
        case Formats.Undetected u -> {
          skip(file, 0, u.reason());
          progress.advance(size(file.path()));
          return false;
        }
      }
    }
    return switch (parser) {
      case LineParser lines -> readLines(file, lines, workers);
      case WholeFileParser whole -> readWhole(file, whole, workers);
    };
  }

  /**
   * Reads a file line by line into batches for the workers; false if not even its first line could
   * be read. A file that cannot be read to its end (a truncated {@code .gz}) keeps what was read
   * before the damage and reports where reading stopped.
   */
  private boolean readLines(InputFile file, LineParser parser, ThreadPoolExecutor workers)
      throws IOException {
    try (InputStream raw = progress.track(Files.newInputStream(file.path()));
        LineReader lines = new LineReader(file.decompress(raw), MAX_LINE_BYTES)) {
      List<String> batch = new ArrayList<>(BATCH);
      int batchStart = 1;
      int batchChars = 0;
      try {
        for (String line; (line = lines.next()) != null; ) {
          if (failure.get() != null) return true;
          if (line == LineReader.TOO_LONG) {
            skip(file, lines.lineNumber(), "line longer than " + (MAX_LINE_BYTES >> 20) + " MiB");
            line = "";
          }
          if (batch.isEmpty()) batchStart = lines.lineNumber();
          batch.add(line);
          batchChars += line.length();
          if (batch.size() == BATCH || batchChars >= BATCH_CHARS) {
            submitLines(workers, file, parser, batch, batchStart);
            batch = new ArrayList<>(BATCH);
            batchChars = 0;
          }
        }
      } catch (IOException e) {
        if (lines.lineNumber() == 0) throw e;
        skip(file, lines.lineNumber() + 1, "cannot read the rest: " + describe(file, e));
      }
      if (!batch.isEmpty()) submitLines(workers, file, parser, batch, batchStart);
      return true;
    }
  }

  private void submitLines(
      ThreadPoolExecutor workers,
      InputFile file,
      LineParser parser,
      List<String> batch,
      int first) {
    workers.execute(
        guarded(
            () -> {
              List<Paper> papers = new ArrayList<>(batch.size());
              List<Integer> lines = new ArrayList<>(batch.size());
              for (int i = 0; i < batch.size(); i++) {
                String line = batch.get(i);
                if (line.isBlank()) continue;
                int lineNo = first + i;
                Paper p;
                try {
                  p = parser.parseLine(line, file, context);
                } catch (org.abstracta.indexer.ingest.BadRecordException e) {
                  skip(file, lineNo, e.getMessage());
                  continue;
                } catch (RuntimeException e) {
                  skip(file, lineNo, "unreadable record: " + describe(e));
                  continue;
                } catch (StackOverflowError e) {
                  skip(file, lineNo, "unreadable record: nested too deeply");
                  continue;
                }
                if (p != null) {
                  papers.add(p);
                  lines.add(lineNo);
                }
              }
              acceptAll(papers, file, lines);
            }));
  }

  /** Reads a page or calendar as a whole, then hands its records to the workers. */
  private boolean readWhole(InputFile file, WholeFileParser parser, ThreadPoolExecutor workers)
      throws IOException {
    String tooLarge =
        "too large for the " + parser.format() + " reader (over 256 MiB uncompressed)";
    if (size(file.path()) > MAX_WHOLE_FILE_BYTES) {
      skip(file, 0, tooLarge);
      return false;
    }
    String content = readText(file);
    if (content == null) {
      skip(file, 0, tooLarge);
      return false;
    }
    List<Paper> papers = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    try (Reader text = new StringReader(content)) {
      parser.parse(
          text,
          file,
          context,
          new RecordSink() {
            @Override
            public void paper(Paper paper, int line) {
              papers.add(paper);
              lines.add(line);
            }

            @Override
            public void skip(int line, String reason) {
              IndexRun.this.skip(file, line, reason);
            }
          });
    }
    for (int from = 0; from < papers.size(); from += BATCH) {
      int to = Math.min(papers.size(), from + BATCH);
      List<Paper> batch = papers.subList(from, to);
      List<Integer> batchLines = lines.subList(from, to);
      workers.execute(guarded(() -> acceptAll(batch, file, batchLines)));
    }
    return true;
  }

  /**
   * A page's text, or null when it is larger than {@link #MAX_WHOLE_FILE_BYTES} uncompressed (a
   * small {@code .gz} can hold gigabytes). When the file cannot be read to its end (a truncated
   * {@code .gz}), the whole lines read before the damage, and a skip that says where it stopped.
   */
  private String readText(InputFile file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Bytes, not chars: an InputStream gives what it decompressed before the damage, a Reader
    // may drop the characters it decoded when the read that fills its buffer fails.
    try (InputStream raw = progress.track(Files.newInputStream(file.path()));
        InputStream in = file.decompress(raw)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        if (bytes.size() + n > MAX_WHOLE_FILE_BYTES) return null;
        bytes.write(buf, 0, n);
      }
    } catch (IOException e) {
      if (bytes.size() == 0) throw e;
      String text = bytes.toString(StandardCharsets.UTF_8);
      text = text.substring(0, text.lastIndexOf('\n') + 1); // a cut last line is not read
      int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
      skip(file, line, "cannot read the rest: " + describe(file, e));
      return text;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Resolves a batch of records (read at {@code lines}) and hands them to the writers. */
  private void acceptAll(List<Paper> papers, InputFile file, List<Integer> lines)
      throws IOException {
    PaperLookup lookup = startState.prefetch(papers);
    List<Pending> resolved = new ArrayList<>(papers.size());
    for (int i = 0; i < papers.size(); i++) {
      accept(papers.get(i), file, lines.get(i), resolved, lookup);
    }
    writeLater(resolved);
  }

  /**
   * Resolves one record into {@code resolved} for writing, or defers it when another record of this
   * run shares a key.
   */
  private void accept(
      Paper paper, InputFile file, int line, List<Pending> resolved, PaperLookup lookup)
      throws IOException {
    if (paper.id() == null || paper.id().isBlank()) {
      if (paper.title() == null || paper.title().isBlank()) {
        skip(file, line, "record has neither id nor title");
        return;
      }
      paper = paper.toBuilder().id(PaperId.fromTitle(paper.title())).build();
    }
    String titleKey = TitleKey.of(paper.title());
    String unindexable = PaperDocuments.unindexable(paper, titleKey);
    if (unindexable != null) {
      skip(file, line, unindexable);
      return;
    }
    read.increment();
    Resolution r = PaperResolver.resolve(paper, titleKey, lookup);
    for (String key : PaperResolver.claimKeys(paper, titleKey, r)) {
      if (!claims.claim(key)) {
        deferred.add(new Deferred(paper, file, line));
        return;
      }
    }
    // The document is built here, on a parser thread: the writer only analyzes and writes.
    Object doc = null;
    if (r.outcome() != Resolution.Outcome.UNCHANGED) {
      try {
        doc = store.prepare(r.merged(), carriedVectors(r, lookup));
      } catch (IllegalArgumentException e) {
        skip(file, line, "cannot be indexed: " + describe(e));
        return;
      }
    }
    resolved.add(new Pending(r, doc, file, line));
  }

  /**
   * The vectors {@code r}'s document keeps: those of the document it replaces, when the text they
   * were made from is unchanged (a rewrite that changes the title or abstract drops them, and the
   * embedding stage makes new ones).
   */
  private static Map<String, float[]> carriedVectors(Resolution r, PaperLookup lookup)
      throws IOException {
    Paper old = r.existing();
    if (old == null) return Map.of();
    String text = PaperDocuments.embeddedText(r.merged());
    if (text == null || !text.equals(PaperDocuments.embeddedText(old))) return Map.of();
    return lookup.vectors(old.id());
  }

  /** A record that shares an id or title with an earlier one of this run, and where it was read. */
  private record Deferred(Paper paper, InputFile file, int line) {}

  /**
   * Writes one resolved record, as {@code doc} when it is built already; false when Lucene refuses
   * the document (which leaves the index as it was: the record is skipped, the run goes on).
   */
  private boolean write(
      Resolution r,
      Object doc,
      Map<String, float[]> vectors,
      boolean sequential,
      InputFile file,
      int line)
      throws IOException {
    if (r.outcome() == Resolution.Outcome.UNCHANGED) {
      unchanged.increment();
      return true;
    }
    try {
      if (doc == null) doc = store.prepare(r.merged(), vectors);
      // Not in the index when the run started, and this run's claim on the id is ours alone: a
      // plain add.
      store.write(r.merged().id(), doc, r.outcome() == Resolution.Outcome.NEW && !sequential);
    } catch (IllegalArgumentException e) {
      skip(file, line, "cannot be indexed: " + describe(e));
      return false;
    }
    // Deletes of the documents this one absorbed come after it is written, so a refused
    // document costs nothing.
    for (String id : r.absorbed()) store.delete(id);
    if (r.existing() != null && !r.existing().id().equals(r.merged().id())) {
      store.delete(r.existing().id());
    }
    (r.outcome() == Resolution.Outcome.NEW ? created : updated).increment();
    return true;
  }

  /**
   * The records that shared a key with an earlier one, merged in order against this run's writes.
   */
  private void mergeDeferred() throws IOException {
    if (deferred.isEmpty()) return;
    OverlayLookup state = new OverlayLookup(store.current());
    for (Deferred d : deferred) {
      Resolution r = PaperResolver.resolve(d.paper(), TitleKey.of(d.paper().title()), state);
      Map<String, float[]> vectors = carriedVectors(r, state);
      if (!write(r, null, vectors, true, d.file(), d.line())) continue;
      for (String id : r.absorbed()) state.delete(id);
      if (r.existing() != null) state.delete(r.existing().id());
      state.put(r.merged(), vectors);
    }
  }

  private void skip(InputFile file, int line, String reason) {
    skipped.increment();
    if (listedSkips.incrementAndGet() <= MAX_LISTED_SKIPS) {
      skips.add(new Skip(file.display(), line, reason));
    }
  }

  private interface IoTask {
    void run() throws IOException;
  }

  /** A worker task whose failure (disk full, I/O error) stops the run instead of vanishing. */
  private Runnable guarded(IoTask task) {
    return () -> {
      if (failure.get() != null) return;
      try {
        task.run();
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
  }

  private void rethrowFailure() throws IOException {
    Throwable t = failure.get();
    if (t == null) return;
    if (t instanceof IOException io) throw io;
    if (t instanceof RuntimeException re) throw re;
    if (t instanceof Error err) throw err;
    throw new IOException(t);
  }

  private static void awaitQuietly(ThreadPoolExecutor workers) {
    try {
      while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: every submitted batch must be written or failed before the commit
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * What went wrong, in one line: the cause of a writer that closed itself (its "tragic event"),
   * the reason of a file system error rather than its path (which the message already names).
   */
  public static String describe(Throwable e) {
    if (e instanceof AlreadyClosedException && e.getCause() != null) e = e.getCause();
    String m =
        switch (e) {
          case AccessDeniedException a -> "permission denied";
          case NoSuchFileException n -> "no such file or directory";
          case FileSystemException f when f.getReason() != null -> f.getReason();
          default -> e.getMessage();
        };
    if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** As {@link #describe(Throwable)}, saying so when a compressed file is cut short or corrupt. */
  private static String describe(InputFile file, IOException e) {
    if (file.gzipped() && (e instanceof EOFException || e instanceof ZipException)) {
      return "truncated or corrupt gzip data (" + describe((Throwable) e) + ")";
    }
    return describe(e);
  }
}
