package org.abstracta.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.abstracta.indexer.embed.EmbeddingModel;
import org.abstracta.indexer.embed.IndexedVectors;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding stage as users run it, in a JVM of its own, killed with SIGKILL and run again. */
class EmbedProcessIT {
  private static final int PAPERS = 200;
  private static final int BATCH = 10;
  private static final String FIELD = EmbeddingModel.BGE_SMALL_EN_V15_Q.field();

  @TempDir Path tmp;

  private Path index() {
    return tmp.resolve("index");
  }

  private List<String> embed() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(IndexMain.class.getName());
    command.addAll(
        List.of("embed", "--index", index().toString(), "--batch", "" + BATCH, "--no-progress"));
    return command;
  }

  private Process start() throws IOException {
    return new ProcessBuilder(embed())
        .redirectOutput(tmp.resolve("out.txt").toFile())
        .redirectError(tmp.resolve("err.txt").toFile())
        .start();
  }

  private static Path records(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < PAPERS; i++) {
        w.write(
            String.format(
                "{\"id\":\"2102.%05d\",\"title\":\"Synthetic paper %d on graph learning\","
                    + "\"abstract\":\"We study problem %d with graph neural networks on molecules,"
                    + " citation networks and road maps, compare message passing with attention,"
                    + " and report accuracy and training time on benchmark %d.\","
                    + "\"categories\":\"cs.LG\",\"authors_parsed\":[[\"Author\",\"A.\",\"\"]]}",
                i, i, i, i % 7));
        w.newLine();
      }
    }
    return file;
  }

  /** Papers with a vector, live documents, and whether every live document's id is its own. */
  private record State(int vectors, int documents, boolean uniqueIds) {}

  private State state() throws IOException {
    try (FSDirectory dir = FSDirectory.open(index());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Set<String> ids = new HashSet<>();
      boolean unique = true;
      for (LeafReaderContext ctx : reader.leaves()) {
        Bits live = ctx.reader().getLiveDocs();
        StoredFields stored = ctx.reader().storedFields();
        for (int d = 0; d < ctx.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) unique &= ids.add(PaperDocuments.load(stored, d).id());
        }
      }
      return new State(IndexedVectors.count(reader, FIELD), reader.numDocs(), unique);
    }
  }

  @Test
  void a_run_killed_midway_keeps_its_committed_batches_and_a_rerun_completes_without_duplicates()
      throws Exception {
    IndexRun.run(
        List.of(records(tmp.resolve("papers.jsonl"))),
        IndexOptions.defaults(index()).withAsOf(LocalDate.of(2026, 11, 22)));
    assertEquals(new State(0, PAPERS, true), state());

    Process p = start();
    // Mid-run: a few batches committed, most papers still to do.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && state().vectors() < 2 * BATCH && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(
        p.isAlive(),
        "the run ended before it was killed: " + Files.readString(tmp.resolve("err.txt")));
    p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
    assertEquals(137, p.waitFor());

    State killed = state();
    assertTrue(killed.vectors() >= 2 * BATCH && killed.vectors() < PAPERS, killed.toString());
    assertEquals(0, killed.vectors() % BATCH, "whole batches only: " + killed);
    assertEquals(PAPERS, killed.documents());
    assertTrue(killed.uniqueIds(), killed.toString());
    try (FSDirectory dir = FSDirectory.open(index());
        CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(null);
      assertTrue(check.checkIndex().clean);
    }

    Process again = start();
    assertTrue(again.waitFor(120, TimeUnit.SECONDS), "the rerun did not finish within 120 s");
    String out = Files.readString(tmp.resolve("out.txt"));
    assertEquals(0, again.exitValue(), out + Files.readString(tmp.resolve("err.txt")));
    assertTrue(out.startsWith("Embedded " + (PAPERS - killed.vectors()) + " papers in "), out);
    assertTrue(out.contains("  vectors    200 of 200 papers have one\n"), out);
    assertEquals("", Files.readString(tmp.resolve("err.txt")));
    assertEquals(new State(PAPERS, PAPERS, true), state());
  }
}
