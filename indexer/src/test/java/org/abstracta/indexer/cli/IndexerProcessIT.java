package org.abstracta.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexer as users run it, in a JVM of its own: killed in the middle of a run, out of file
 * space, and reading a 2 GB line with a small heap. Each time the index keeps its last commit and
 * the command says what happened in one line.
 */
class IndexerProcessIT {
  @TempDir Path tmp;

  private static final int BASE = 50;

  /**
   * Enough records that a run takes seconds and, with the 32 MB indexing buffer of a 128 MB heap,
   * flushes segments before it commits.
   */
  private static final int BIG = 60_000;

  private Path index() {
    return tmp.resolve("index");
  }

  record Result(int exit, String out, String err, double seconds) {}

  /** The indexer's command line in a new JVM: {@code abstracta index ARGS}. */
  private static List<String> indexer(String heap, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(IndexMain.class.getName());
    command.addAll(args);
    // Keyword indexing only: these runs are about the keyword commit (EmbedProcessIT kills the
    // embedding stage).
    command.addAll(List.of("--no-progress", "--no-vectors", "--as-of", "2026-11-22"));
    return command;
  }

  private Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command)
        .redirectOutput(tmp.resolve("out.txt").toFile())
        .redirectError(tmp.resolve("err.txt").toFile())
        .start();
  }

  private Result run(List<String> command) throws Exception {
    long start = System.nanoTime();
    Process p = start(command);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the indexer did not finish within 60 s");
    return new Result(
        p.exitValue(),
        Files.readString(tmp.resolve("out.txt")),
        Files.readString(tmp.resolve("err.txt")),
        (System.nanoTime() - start) / 1e9);
  }

  /** arXiv records {@code 2101.00000 + from} onwards, one per line. */
  private static Path records(Path file, int from, int count) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = from; i < from + count; i++) {
        w.write(
            String.format(
                "{\"id\":\"%s\",\"title\":\"Synthetic paper %d on graph learning\","
                    + "\"abstract\":\"We study problem %d with neural networks, scaling laws and"
                    + " robot policies, and report results on benchmark %d.\","
                    + "\"categories\":\"cs.LG stat.ML\",\"authors_parsed\":[[\"Author\",\"A.\",\"\"]]}",
                id(i), i, i, i % 97));
        w.newLine();
      }
    }
    return file;
  }

  private static String id(int i) {
    return String.format("%04d.%05d", 2101 + i / 100_000, i % 100_000);
  }

  private static Set<String> ids(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(IndexerProcessIT::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The ids of the index's last commit. */
  private Set<String> committedIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    try (FSDirectory dir = FSDirectory.open(index());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++)
        ids.add(PaperDocuments.load(stored, doc).id());
    }
    return ids;
  }

  private Set<String> files() throws IOException {
    try (Stream<Path> list = Files.list(index())) {
      return list.map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private void indexBase() throws Exception {
    IndexRun.run(
        List.of(records(tmp.resolve("base.jsonl"), 0, BASE)),
        IndexOptions.defaults(index()).withAsOf(LocalDate.of(2026, 11, 22)));
    assertEquals(ids(0, BASE), committedIds());
  }

  @Test
  void a_run_killed_midway_leaves_the_previous_commit_and_a_rerun_completes() throws Exception {
    indexBase();
    Set<String> baseFiles = files();
    Path big = records(tmp.resolve("big.jsonl"), BASE, BIG);

    Process p = start(indexer("-Xmx128m", List.of(big.toString(), "--index", index().toString())));
    // Mid-run: segments of the new run are on disk, not yet committed.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (p.isAlive() && !newSegmentFiles(baseFiles) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(
        p.isAlive(),
        "the run ended before it was killed: " + Files.readString(tmp.resolve("err.txt")));
    assertTrue(newSegmentFiles(baseFiles), "no segment was written within 30 s");
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no unlock
    assertEquals(137, p.waitFor());

    // The index is the previous commit, exactly.
    assertEquals(ids(0, BASE), committedIds());
    // The lock file stays behind, but the lock went with the process: a new writer gets it.
    assertTrue(Files.exists(index().resolve("write.lock")));
    try (FSDirectory dir = FSDirectory.open(index());
        CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(null);
      assertTrue(check.checkIndex().clean);
    }

    Result again = run(indexer("-Xmx128m", List.of(big.toString(), "--index", index().toString())));
    assertEquals(0, again.exit(), again.err());
    assertTrue(
        again
            .out()
            .contains(String.format(Locale.ROOT, "  documents  %,d in the index%n", BASE + BIG)),
        again.out());
    Set<String> all = ids(0, BASE);
    all.addAll(ids(BASE, BIG));
    assertEquals(all, committedIds());
    // The killed run's files were cleaned up: only the last commit's files and the lock remain.
    try (FSDirectory dir = FSDirectory.open(index())) {
      Set<String> expected = new TreeSet<>(SegmentInfos.readLatestCommit(dir).files(true));
      expected.add("write.lock");
      assertEquals(expected, files());
    }
  }

  private boolean newSegmentFiles(Set<String> before) throws IOException {
    return files().stream()
        .anyMatch(f -> !before.contains(f) && !f.equals("write.lock") && !f.startsWith("pending_"));
  }

  @Test
  void running_out_of_file_space_is_one_line_with_exit_code_4() throws Exception {
    indexBase();
    Path more = records(tmp.resolve("more.jsonl"), BASE, 5_000);
    List<String> command =
        new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "indexer"));
    command.addAll(indexer("-Xmx256m", List.of(more.toString(), "--index", index().toString())));

    // A file may grow to 64 KiB (the base index's are smaller); a segment of 5,000 records is
    // larger: the write fails with EFBIG, "File too large", as a full disk fails with ENOSPC.
    Result r = run(command);
    assertEquals(4, r.exit(), r.out() + r.err());
    assertEquals(
        "error: cannot write the index "
            + index()
            + ": File too large (the index keeps its previous commit)\n",
        r.err());
    assertEquals("", r.out());
    assertEquals(ids(0, BASE), committedIds());

    // Space again: the same input goes in.
    IndexRun.run(List.of(more), IndexOptions.defaults(index()));
    assertEquals(BASE + 5_000, committedIds().size());
  }

  @Test
  void a_two_gigabyte_line_is_streamed_with_a_small_heap() throws Exception {
    Path good = records(tmp.resolve("good.jsonl"), 0, 1);
    Path huge = tmp.resolve("huge.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.write("{\"id\":\"2101.99999\",\"title\":\"".getBytes(StandardCharsets.UTF_8));
      f.setLength(2L << 30); // sparse: 2 GiB of NUL bytes after the prefix, no newline
    }
    Result r =
        run(
            indexer(
                "-Xmx256m",
                List.of(
                    good.toString(),
                    huge.toString(),
                    "--format",
                    "arxiv-json",
                    "--index",
                    index().toString())));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("  read       1\n"), r.out());
    assertTrue(r.out().contains("  skipped: " + huge + ":1: line longer than 64 MiB\n"), r.out());
    assertFalse(r.err().contains("\tat "), r.err());
    assertTrue(r.seconds() < 20, "took " + r.seconds() + " s");
  }
}
